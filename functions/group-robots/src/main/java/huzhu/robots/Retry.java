package huzhu.robots;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * A few more attempts for a throttled or transient post, each after a growing, jittered wait: attempt
 * {@code n} that failed waits between half and all of {@code min(cap, first * 2^(n-1))}. A permanent failure
 * is never retried. Bounded on purpose: a line about an incident is worth little a minute late, and a robot
 * over its limit (DingTalk: refused for 10 minutes) is not helped by insisting.
 */
public final class Retry {

    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Three attempts, waits of 0.5–1 s then 1–2 s: at most 3 s of waiting per robot and message. The jitter is
     * a SecureRandom, which SnapStart reseeds in every restored copy.
     */
    public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4),
            Sleeper.REAL, new SecureRandom()::nextDouble);

    private final int maxAttempts;
    private final Duration first;
    private final Duration cap;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /** @param jitter uniform draws in [0, 1) */
    public Retry(int maxAttempts, Duration first, Duration cap, Sleeper sleeper, DoubleSupplier jitter) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (first.isNegative() || cap.isNegative()) throw new IllegalArgumentException("negative wait");
        this.maxAttempts = maxAttempts;
        this.first = first;
        this.cap = cap;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    public PostResult post(GroupChat robot, GroupMessage message) {
        PostResult result = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            result = attempt(robot, message).afterAttempts(attempt);
            if (!result.retryable() || attempt == maxAttempts) return result;
            try {
                sleeper.sleep(waitAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
        return result;
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    Duration waitAfter(int attempt) {
        long firstMillis = first.toMillis();
        long capMillis = cap.toMillis();
        int shift = Math.min(attempt - 1, 30);
        long full = firstMillis > (capMillis >> shift) ? capMillis : Math.min(capMillis, firstMillis << shift);
        double r = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(full / 2 + Math.round((full - full / 2) * r));
    }

    private static PostResult attempt(GroupChat robot, GroupMessage message) {
        try {
            return robot.post(message);
        } catch (RuntimeException e) {
            // a robot must not throw; if one does, it is one failed attempt, not a failed caller
            return PostResult.transientFailure(e.getClass().getSimpleName());
        }
    }
}
