package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** Where one recipient's copy of a notice stands: queued, being sent (claimed by one sender), sent, failed. */
public enum DeliveryStatus implements Wire {
    PENDING("pending"),
    SENDING("sending"),
    SENT("sent"),
    FAILED("failed");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
