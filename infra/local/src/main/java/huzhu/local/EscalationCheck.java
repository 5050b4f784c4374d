package huzhu.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import huzhu.core.kernel.Ids;
import java.time.Clock;
import java.util.Map;

/**
 * One run of the scheduled escalation check: the escalation function invoked with the EventBridge
 * event of now. Shared by the periodic {@link Sweep} and {@code POST /local/escalation/run}.
 */
public final class EscalationCheck {
    static final String FUNCTION = "escalation";

    private final RequestHandler<ScheduledEvent, Map<String, Object>> handler;
    private final ScheduledEvents events;
    private final LocalAws aws;
    private final Clock clock;
    private final Ids ids;

    public EscalationCheck(RequestHandler<ScheduledEvent, Map<String, Object>> handler, LocalAws aws, Clock clock,
            Ids ids) {
        this.handler = handler;
        this.events = new ScheduledEvents(aws, ids);
        this.aws = aws;
        this.clock = clock;
        this.ids = ids;
    }

    /** @return how many incidents the function escalated (its result's {@code "escalated"}) */
    public int runNow() {
        ScheduledEvent event = events.at(clock.instant());
        Map<String, Object> result = handler.handleRequest(event, new LocalContext(aws, FUNCTION, ids.newId()));
        Object escalated = result == null ? null : result.get("escalated");
        if (!(escalated instanceof Number n)) {
            throw new IllegalStateException("the escalation function returned no \"escalated\" count: " + result);
        }
        return n.intValue();
    }
}
