package huzhu.core.kernel;

import huzhu.core.error.RateLimited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window limits kept in the {@link IdempotencyStore}, so they hold across every Lambda container (a
 * limit kept in memory would multiply by the number of containers a flood starts). A limit allows
 * {@code max} events per key in each window of length {@code per}, windows aligned to the epoch. The k-th
 * event of a window claims slot k: {@code remember("rl:<name>:<key>:<window>:<k>")}, which only one caller
 * can win. A full window is recognised by one read of its last slot, so a flood costs one read per request
 * once it is refused. Slots expire with their window. Keys are hashed: no token or address is stored.
 */
public final class RateLimiter {
    /** {@code max} events per {@code per}, under the name {@code name} (part of the stored key). */
    public record Limit(String name, int max, Duration per) {
        public Limit {
            if (max < 1 || per.isZero() || per.isNegative()) throw new IllegalArgumentException(name);
        }
    }

    /** A limiter that never refuses (tools, benchmarks that measure something else). */
    public static final RateLimiter NONE = new RateLimiter(null, null);

    private final IdempotencyStore store;
    private final Clock clock;

    public RateLimiter(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts one event for {@code key}; throws {@link RateLimited} when the window already has {@code max}. */
    public void acquire(Limit limit, String key) {
        if (store == null || key == null) return;
        Instant now = clock.instant();
        long perMillis = limit.per().toMillis();
        long window = Math.floorDiv(now.toEpochMilli(), perMillis);
        Instant end = Instant.ofEpochMilli((window + 1) * perMillis);
        String base = "rl:" + limit.name() + ":" + Hashes.sha256(key).substring(0, 32) + ":" + window + ":";
        if (store.recall(base + limit.max(), now).isPresent()) throw new RateLimited(Duration.between(now, end));
        for (int slot = 1; slot <= limit.max(); slot++) {
            if (store.remember(base + slot, "1", end, now).isEmpty()) return;
        }
        throw new RateLimited(Duration.between(now, end));
    }
}
