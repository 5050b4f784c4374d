package huzhu.core.incident;

import huzhu.core.kernel.Wire;

public enum AlertStatus implements Wire {
    SENT("sent"),
    FAILED("failed"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    STOOD_DOWN("stood-down");

    private final String wire;

    AlertStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The person was reached and has not answered yet. */
    public boolean outstanding() {
        return this == SENT;
    }
}
