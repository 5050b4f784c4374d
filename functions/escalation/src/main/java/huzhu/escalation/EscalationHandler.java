package huzhu.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.service.Dispatcher;
import huzhu.core.log.JsonLog;
import java.util.Map;

/**
 * The scheduled escalation check (EventBridge, every minute): every open incident past its deadline
 * moves one level. A failure propagates so the invocation is retried; the check is idempotent. It is the
 * safety net behind the per-deadline timer ({@link EscalationTimerHandler}): both call the same guarded
 * step, so whichever comes second does nothing.
 */
public final class EscalationHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Dispatcher dispatcher;

    public EscalationHandler() {
        this(Production.services().dispatcher());
        // SnapStart: before the snapshot, a timer for an incident nobody has (a GetItem that misses, nothing moves)
        Priming.register("escalation", () -> dispatcher.onTimer("priming-0000000000000000", 0, java.time.Instant.EPOCH));
    }

    public EscalationHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int escalated = dispatcher.escalateDue();
        if (escalated > 0) JsonLog.info("escalation.sweep", "escalated", escalated);
        return Map.of("escalated", escalated);
    }
}
