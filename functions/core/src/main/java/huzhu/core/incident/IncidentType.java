package huzhu.core.incident;

import huzhu.core.kernel.Wire;

public enum IncidentType implements Wire {
    MEDICAL("medical"),
    ACCIDENT("accident"),
    FIRE("fire"),
    BEREAVEMENT("bereavement"),
    OTHER("other");

    private final String wire;

    IncidentType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
