package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** Where a family contact's introduction SMS stands: queued, being sent (claimed by one sender), sent, failed. */
public enum IntroductionStatus implements Wire {
    PENDING("pending"),
    SENDING("sending"),
    SENT("sent"),
    FAILED("failed");

    private final String wire;

    IntroductionStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
