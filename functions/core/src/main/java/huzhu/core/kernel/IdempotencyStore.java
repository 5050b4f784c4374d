package huzhu.core.kernel;

import java.time.Instant;
import java.util.Optional;

/** Remembers that a request (Idempotency-Key, SNS inboundMessageId) was already handled. */
public interface IdempotencyStore {
    /**
     * Records {@code value} under {@code key} unless a live record exists.
     * @return the value already recorded, or empty if this call recorded it
     */
    Optional<String> remember(String key, String value, Instant expiresAt, Instant now);

    /** The live value recorded under {@code key}, if any; writes nothing. */
    Optional<String> recall(String key, Instant now);
}
