package huzhu.core.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers that a request (Idempotency-Key, SNS inboundMessageId) was already handled; and counts, for limits
 * that must hold across every Lambda container (SMS per day, relays per sender).
 */
public interface IdempotencyStore {
    /**
     * Records {@code value} under {@code key} unless a live record exists.
     * @return the value already recorded, or empty if this call recorded it
     */
    Optional<String> remember(String key, String value, Instant expiresAt, Instant now);

    /**
     * The id a request under an Idempotency-Key {@code key} works on: the one a first request with that key reserved
     * ({@code repeat}), or else {@code fresh}, reserved now in {@code store} for {@code window}. A rule on top of the
     * port, not a part of it: every store's own {@link #remember} is what a reservation writes.
     */
    static Reservation reserve(IdempotencyStore store, String key, String fresh, Duration window, Instant now) {
        return store.remember(key, fresh, now.plus(window), now).map(first -> new Reservation(first, true))
                .orElseGet(() -> new Reservation(fresh, false));
    }

    /** What {@link #reserve} found: the id to work on, and whether an earlier request reserved it. */
    record Reservation(String id, boolean repeat) {
    }

    /** The live value recorded under {@code key}, if any; writes nothing. */
    Optional<String> recall(String key, Instant now);

    /**
     * Adds {@code delta} to the counter under {@code key} and returns the new total, in one atomic step: two
     * callers never see the same total. A counter that does not exist, or whose {@code expiresAt} has passed,
     * starts again from zero and lives until the {@code expiresAt} given now. A counter's key must not be used
     * with {@link #remember}.
     */
    long count(String key, long delta, Instant expiresAt, Instant now);
}
