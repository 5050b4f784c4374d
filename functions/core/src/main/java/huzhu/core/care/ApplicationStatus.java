package huzhu.core.care;

import huzhu.core.kernel.Wire;
import java.util.Set;

/**
 * An assistance application's steps, in the order the union's operation guide (帮扶申请操作指引) takes them:
 * submitted → reviewed → approved or rejected → paid. Nothing is skipped and nothing goes back: a payment
 * needs an approval, an approval a review, and a decision is final.
 */
public enum ApplicationStatus implements Wire {
    SUBMITTED("submitted"),
    REVIEWED("reviewed"),
    APPROVED("approved"),
    REJECTED("rejected"),
    PAID("paid");

    private final String wire;

    ApplicationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The steps that may follow this one. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case SUBMITTED -> Set.of(REVIEWED);
            case REVIEWED -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(PAID);
            case REJECTED, PAID -> Set.of();
        };
    }

    public boolean mayBecome(ApplicationStatus to) {
        return next().contains(to);
    }

    /** No step follows: rejected or paid. */
    public boolean closed() {
        return next().isEmpty();
    }
}
