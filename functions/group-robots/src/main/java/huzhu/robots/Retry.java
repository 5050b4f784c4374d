package huzhu.robots;

import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.Retries;
import huzhu.core.kernel.Sleeper;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * A few more attempts for a throttled or transient post, each after a growing, jittered wait ({@link Backoff}:
 * attempt {@code n} that failed waits between half and all of {@code min(cap, first * 2^(n-1))}). A permanent
 * failure is never retried. Bounded on purpose: a line about an incident is worth little a minute late, and a robot
 * over its limit (DingTalk: refused for 10 minutes) is not helped by insisting. An interrupted wait ends the post
 * with the failure it had.
 */
public final class Retry {

    /** Three attempts, waits of 0.5–1 s then 1–2 s: at most 3 s of waiting per robot and message. */
    public static final Retry DEFAULT = new Retry(
            Retries.real(new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(4))));

    private final Retries retries;

    /** @param jitter uniform draws in [0, 1) */
    public Retry(int maxAttempts, Duration first, Duration cap, Sleeper sleeper, DoubleSupplier jitter) {
        this(new Retries(new Backoff(maxAttempts, first, cap), sleeper, jitter));
    }

    private Retry(Retries retries) {
        this.retries = retries;
    }

    public PostResult post(GroupChat robot, GroupMessage message) {
        Retries.Tried<PostResult> tried = retries.run(() -> attempt(robot, message), PostResult::retryable);
        return tried.last().afterAttempts(tried.attempts());
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
