package huzhu.local;

import huzhu.core.incident.EscalationTimer;
import huzhu.core.kernel.DaemonThreads;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the SQS delayed message per deadline: at each deadline, on one daemon thread,
 * hands (incident, level, deadline) to {@code onDeadline} (the local stack: {@link TimerEvents}, the
 * escalation timer function's SQS event). Pending deadlines live in memory only; the local stack re-arms
 * them from the store at start, and the {@link Sweep} catches anything missed.
 */
public final class InProcessTimer implements EscalationTimer, AutoCloseable {
    /** What happens at a deadline. */
    @FunctionalInterface
    public interface OnDeadline {
        void wake(String incidentId, int level, Instant deadline);
    }

    private final Clock clock;
    private final OnDeadline onDeadline;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("huzhu-timer"));

    public InProcessTimer(Clock clock, OnDeadline onDeadline) {
        this.clock = clock;
        this.onDeadline = onDeadline;
    }

    @Override
    public void schedule(String incidentId, int level, Instant deadline) {
        long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        try {
            executor.schedule(() -> fire(incidentId, level, deadline), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            JsonLog.warn("timer.closed", Map.of("incidentId", incidentId, "escalationLevel", level));
        }
    }

    private void fire(String incidentId, int level, Instant deadline) {
        try {
            onDeadline.wake(incidentId, level, deadline);
        } catch (RuntimeException e) {
            JsonLog.error("timer", e, Map.of("incidentId", incidentId, "escalationLevel", level));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
