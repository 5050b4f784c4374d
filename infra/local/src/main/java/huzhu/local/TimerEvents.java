package huzhu.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import huzhu.aws.sqs.TimerMessage;
import huzhu.core.kernel.Ids;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the SQS event source would hand the escalation timer function when a deadline's delayed message
 * becomes visible: the local stack's {@link InProcessTimer} delivers each deadline through here, so the
 * same handler runs as in AWS. A message the function reports as failed is logged; as in AWS after its
 * retries, the periodic sweep escalates that incident.
 */
public final class TimerEvents {
    static final String FUNCTION = "escalation-timer";
    static final String QUEUE = "huzhu-local-escalation";

    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final LocalAws aws;
    private final Clock clock;
    private final Ids ids;

    public TimerEvents(RequestHandler<SQSEvent, SQSBatchResponse> handler, LocalAws aws, Clock clock, Ids ids) {
        this.handler = handler;
        this.aws = aws;
        this.clock = clock;
        this.ids = ids;
    }

    public SQSEvent event(String incidentId, int level, Instant deadline) {
        Instant now = clock.instant();
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(ids.newId());
        m.setReceiptHandle(ids.newId());
        m.setBody(new TimerMessage(incidentId, level, deadline).toJson());
        m.setAttributes(Map.of(
                "ApproximateReceiveCount", "1",
                "SentTimestamp", Long.toString(now.toEpochMilli()),
                "ApproximateFirstReceiveTimestamp", Long.toString(now.toEpochMilli())));
        m.setMessageAttributes(Map.of());
        m.setEventSource("aws:sqs");
        m.setEventSourceArn(aws.arn("sqs", QUEUE));
        m.setAwsRegion(aws.region());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));
        return event;
    }

    /** Delivers one deadline to the function; true if it handled the message. */
    public boolean deliver(String incidentId, int level, Instant deadline) {
        SQSEvent event = event(incidentId, level, deadline);
        SQSBatchResponse response = handler.handleRequest(event, new LocalContext(aws, FUNCTION, ids.newId()));
        boolean ok = response == null || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty();
        if (!ok) {
            JsonLog.warn("timer.failed", Map.of("incidentId", incidentId, "escalationLevel", level,
                    "deadline", deadline.toString(), "fallback", "sweep"));
        }
        return ok;
    }
}
