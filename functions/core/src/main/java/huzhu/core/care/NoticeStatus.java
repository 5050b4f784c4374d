package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** A notice from draft to sent: a draft waits for an officer, a scheduled one for its time; sending is resumable. */
public enum NoticeStatus implements Wire {
    DRAFT("draft"),
    SCHEDULED("scheduled"),
    SENDING("sending"),
    SENT("sent"),
    CANCELLED("cancelled");

    private final String wire;

    NoticeStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
