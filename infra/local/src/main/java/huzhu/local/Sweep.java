package huzhu.local;

import huzhu.core.kernel.DaemonThreads;
import huzhu.core.log.JsonLog;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The EventBridge {@code rate(…)} rule of the local stack: runs the {@link EscalationCheck} every
 * HUZHU_SWEEP_SECONDS on one daemon thread. A failed run is logged and the next one runs as planned.
 */
public final class Sweep implements AutoCloseable {
    private final EscalationCheck check;
    private final Duration every;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("huzhu-sweep"));

    public Sweep(EscalationCheck check, Duration every) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("sweep interval must be > 0");
        this.check = check;
        this.every = every;
    }

    /** The first run comes one interval after start, like a rule's first trigger. */
    public void start() {
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        long started = System.nanoTime();
        try {
            int escalated = check.runNow();
            if (escalated > 0) {
                JsonLog.info("sweep", Map.of("escalated", escalated, "ms", elapsedMillis(started)));
            }
        } catch (RuntimeException e) {
            // an exception escaping here would cancel every later run
            JsonLog.error("sweep", e, Map.of("ms", elapsedMillis(started)));
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
