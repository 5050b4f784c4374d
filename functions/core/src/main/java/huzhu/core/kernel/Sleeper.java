package huzhu.core.kernel;

import java.time.Duration;

/**
 * Waits, for pacing SMS to the configured rate. Tests pass one that moves their clock instead, so a notice
 * to hundreds of people is paced without real waiting.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> {
        if (d.isNegative() || d.isZero()) return;
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing SMS", e);
        }
    };

    void sleep(Duration duration);
}
