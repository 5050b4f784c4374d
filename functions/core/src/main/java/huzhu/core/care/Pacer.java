package huzhu.core.care;

import huzhu.core.kernel.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces bulk SMS to the configured rate: batches of at most {@code perSecond} messages, each batch starting at
 * least a second after the one before (the messages of a batch go out in parallel). So no second ever sees more
 * than {@code perSecond} sends start, and a slow SNS round trip does not slow the rate down further. Waiting is
 * done by the injected {@link Sleeper}; after it returns the batch starts at its planned time, whatever a test
 * clock says.
 */
final class Pacer {
    private final int perSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next;

    Pacer(int perSecond, Clock clock, Sleeper sleeper) {
        if (perSecond < 1) throw new IllegalArgumentException("perSecond must be at least 1");
        this.perSecond = perSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    int batchSize() {
        return perSecond;
    }

    /** Whether the next batch could start before {@code deadline}. */
    boolean canStartBefore(Instant deadline) {
        Instant now = clock.instant();
        Instant start = next != null && next.isAfter(now) ? next : now;
        return start.isBefore(deadline);
    }

    /** Waits for the next batch's slot; returns the time it starts. */
    Instant awaitSlot() {
        Instant now = clock.instant();
        Instant start;
        if (next != null && now.isBefore(next)) {
            sleeper.sleep(Duration.between(now, next));
            start = next;
        } else {
            start = now;
        }
        next = start.plusSeconds(1);
        return start;
    }
}
