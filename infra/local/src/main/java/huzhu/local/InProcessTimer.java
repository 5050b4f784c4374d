package huzhu.local;

import huzhu.core.log.JsonLog;
import huzhu.core.port.EscalationTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local stand-in for the SQS delayed message per deadline: at each deadline, on one daemon thread,
 * hands the incident id to {@code onDeadline} (the escalation check for that incident). Like its AWS
 * counterpart it does not survive a restart; the {@link Sweep} catches what it misses.
 */
public final class InProcessTimer implements EscalationTimer, AutoCloseable {
    private final Clock clock;
    private final Consumer<String> onDeadline;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "huzhu-timer");
        t.setDaemon(true);
        return t;
    });

    public InProcessTimer(Clock clock, Consumer<String> onDeadline) {
        this.clock = clock;
        this.onDeadline = onDeadline;
    }

    @Override
    public void schedule(String incidentId, int level, Instant deadline) {
        long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        try {
            executor.schedule(() -> fire(incidentId, level), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            JsonLog.warn("timer.closed", Map.of("incidentId", incidentId, "escalationLevel", level));
        }
    }

    private void fire(String incidentId, int level) {
        try {
            onDeadline.accept(incidentId);
        } catch (RuntimeException e) {
            JsonLog.error("timer", e, Map.of("incidentId", incidentId, "escalationLevel", level));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
