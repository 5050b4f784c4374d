package huzhu.core.error;

import java.time.Duration;
import java.util.Map;

/** Too many requests for one key (a trigger token, a source address, a sender) in the current window. */
public final class RateLimited extends DomainException {
    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super("error.rateLimited", Map.of());
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** How long until the window that refused this request has passed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
