package huzhu.sms.china;

import java.time.Duration;

/**
 * Bounded exponential backoff with jitter for throttled sends: after failed attempt {@code n} (1-based) wait
 * between half and all of {@code min(cap, base * 2^(n-1))}; at most {@code maxAttempts} attempts in all.
 * The same rule as the SNS adapter's, so every provider behaves alike under throttling.
 */
public record Backoff(int maxAttempts, Duration base, Duration cap) {

    /** Three attempts, 200 ms then 400 ms (each minus up to half): under a second of waiting at worst. */
    public static final Backoff DEFAULT = new Backoff(3, Duration.ofMillis(200), Duration.ofSeconds(2));

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (base.isNegative() || cap.isNegative()) throw new IllegalArgumentException("negative delay");
    }

    /** The wait after failed attempt {@code attempt}; {@code random} is a uniform draw in [0, 1). */
    public Duration delayAfter(int attempt, double random) {
        long baseMillis = base.toMillis();
        long capMillis = cap.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long exp = baseMillis > (capMillis >> shift) ? capMillis : Math.min(capMillis, baseMillis << shift);
        double r = Math.min(Math.max(random, 0.0), 1.0);
        return Duration.ofMillis(exp / 2 + Math.round((exp - exp / 2) * r));
    }
}
