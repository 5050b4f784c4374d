package huzhu.core.incident;

import huzhu.core.kernel.Wire;

public enum AlertStatus implements Wire {
    SENT("sent"),
    /** The carrier reported it on the phone (a provider's delivery report); still waiting for an answer. */
    DELIVERED("delivered"),
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

    /** The alert went out (and may have been reported delivered) and the person has not answered yet. */
    public boolean outstanding() {
        return this == SENT || this == DELIVERED;
    }
}
