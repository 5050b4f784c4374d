package huzhu.core.incident;

import huzhu.core.kernel.Wire;

public enum IncidentStatus implements Wire {
    OPEN("open"),
    ACKNOWLEDGED("acknowledged"),
    RESOLVED("resolved"),
    CANCELLED("cancelled");

    private final String wire;

    IncidentStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Open or acknowledged: someone may still need help. */
    public boolean active() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
