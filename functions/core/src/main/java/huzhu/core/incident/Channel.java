package huzhu.core.incident;

import huzhu.core.kernel.Wire;

/** How an incident reached us. */
public enum Channel implements Wire {
    SMS("sms"),
    HTTP("http"),
    CONSOLE("console");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
