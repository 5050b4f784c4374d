package huzhu.core.kernel;

import java.time.Duration;

/**
 * Waits: between a notice's SMS, paced to the configured rate, and between the attempts of a send or a group post
 * ({@link Retries}). Tests pass one that moves their clock instead, so a notice to hundreds of people is paced
 * without real waiting. {@link #REAL}, interrupted, keeps the interrupt flag set and throws.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> {
        if (d.isNegative() || d.isZero()) return;
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    };

    void sleep(Duration duration);
}
