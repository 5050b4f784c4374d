package huzhu.core.kernel;

import java.time.Duration;

/**
 * Bounded exponential backoff with jitter for throttled sends: attempt {@code n} (1-based) that failed
 * waits between half and all of {@code min(cap, base * 2^(n-1))} before attempt {@code n+1}, and there are
 * at most {@code maxAttempts} attempts in all. Half the wait is fixed so a retry never comes back at once;
 * the other half is random so many senders throttled together do not retry together. Every adapter that
 * retries a throttled send (SNS, Alibaba Cloud, Tencent Cloud, the group robots) uses this one rule, through
 * {@link Retries}.
 */
public record Backoff(int maxAttempts, Duration base, Duration cap) {

    /** Three attempts, 200 ms then 400 ms (each minus up to half): under a second of waiting at worst. */
    public static final Backoff DEFAULT = new Backoff(3, Duration.ofMillis(200), Duration.ofSeconds(2));

    /** One attempt, no retry. */
    public static final Backoff NONE = new Backoff(1, Duration.ZERO, Duration.ZERO);

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (base.isNegative() || cap.isNegative()) throw new IllegalArgumentException("negative delay");
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based).
     *
     * @param random a uniform draw in [0, 1)
     */
    public Duration delayAfter(int attempt, double random) {
        long baseMillis = base.toMillis();
        long capMillis = cap.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long exp = baseMillis > (capMillis >> shift) ? capMillis : Math.min(capMillis, baseMillis << shift);
        double r = Math.min(Math.max(random, 0.0), 1.0);
        return Duration.ofMillis(exp / 2 + Math.round((exp - exp / 2) * r));
    }
}
