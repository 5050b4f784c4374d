package huzhu.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's clock, moved ahead by what a test skips: a browser test's stack sees a deadline pass without the test
 * waiting for it, while the page, which counts with its own clock, stays within that skip of the stack's time.
 */
final class SkipAheadClock extends Clock {
    private final Clock system;
    private final AtomicReference<Duration> ahead;

    SkipAheadClock() {
        this(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    private SkipAheadClock(Clock system, AtomicReference<Duration> ahead) {
        this.system = system;
        this.ahead = ahead;
    }

    /** From now on the clock reads {@code by} later than it would have. */
    void skip(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("a clock that skips only goes forward: " + by);
        ahead.updateAndGet(a -> a.plus(by));
    }

    @Override
    public Instant instant() {
        return system.instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SkipAheadClock(system.withZone(zone), ahead);
    }
}
