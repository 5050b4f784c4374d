package huzhu.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.aws.sqs.TimerMessage;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.Dispatcher;
import huzhu.core.kernel.JsonText;
import huzhu.core.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-deadline timer (SQS delayed messages, one per incident, level and deadline): each message asks
 * the dispatcher to escalate that incident if that deadline is still its current one and has passed. A
 * duplicate, late or out-of-order message changes nothing; one that arrives early (a wait longer than SQS
 * can hold) is sent again for the rest. A message that failed is reported alone (partial batch response),
 * so SQS delivers only it again, and after a few tries parks it in the dead-letter queue; the one-minute
 * sweep has escalated the incident long before. Lambda hands it the event as a stream, read with {@link JsonText}:
 * the runtime builds no serializers for it.
 */
public final class EscalationTimerHandler implements RequestStreamHandler {
    private final Dispatcher dispatcher;
    private final GroupAnnouncements group;

    public EscalationTimerHandler() {
        this(Production.services().dispatcher(), Production.services().group());
        // SnapStart: before the snapshot, a timer message for an incident nobody has (parse, a GetItem that misses)
        SQSEvent.SQSMessage priming = new SQSEvent.SQSMessage();
        priming.setMessageId("priming");
        priming.setBody("{\"incidentId\":\"priming-0000000000000000\",\"level\":0,\"deadline\":\"1970-01-01T00:00:00Z\"}");
        Priming.register("escalation-timer", () -> handle(priming));
    }

    public EscalationTimerHandler(Dispatcher dispatcher) {
        this(dispatcher, GroupAnnouncements.NONE);
    }

    /** {@code group}: its posts are given a moment to finish before the handler returns (Lambda freezes after). */
    public EscalationTimerHandler(Dispatcher dispatcher, GroupAnnouncements group) {
        this.dispatcher = dispatcher;
        this.group = group;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        SQSBatchResponse response = handleRequest(sqsEvent(new String(event.readAllBytes(), StandardCharsets.UTF_8)),
                context);
        List<Map<String, Object>> failures = new ArrayList<>();
        for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
            failures.add(Map.of("itemIdentifier", f.getItemIdentifier()));
        }
        answer.write(JsonText.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }

    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        return group.awaitPostedAfter(() -> {
            for (SQSEvent.SQSMessage message : records) {
                if (!handle(message)) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private boolean handle(SQSEvent.SQSMessage message) {
        String receiveCount = message.getAttributes() == null ? null
                : message.getAttributes().get("ApproximateReceiveCount");
        TimerMessage timer;
        try {
            timer = TimerMessage.parse(message.getBody());
        } catch (TimerMessage.Malformed e) {
            JsonLog.error("timer.malformed", e, Map.of("messageId", String.valueOf(message.getMessageId()),
                    "receiveCount", String.valueOf(receiveCount)));
            return false;
        }
        try {
            Dispatcher.Wake wake = dispatcher.onTimer(timer.incidentId(), timer.level(), timer.deadline());
            JsonLog.info("timer.fired", "incidentId", timer.incidentId(), "escalationLevel", timer.level(),
                    "deadline", timer.deadline().toString(), "outcome", wake.name(), "receiveCount", receiveCount);
            return true;
        } catch (RuntimeException e) {
            JsonLog.error("timer.failed", e, "incidentId", timer.incidentId(), "escalationLevel", timer.level(),
                    "messageId", message.getMessageId(), "receiveCount", receiveCount);
            return false;
        }
    }

    /** SQS's event as the runtime's serializer reads it, the fields this handler uses (id, body, attributes). */
    static SQSEvent sqsEvent(String text) {
        Map<String, Object> json = JsonText.object(JsonText.parse(text));
        if (json == null) throw new IllegalArgumentException("an SQS event is a JSON object");
        List<Object> records = JsonText.array(json.get("Records"));
        SQSEvent event = new SQSEvent();
        if (records == null) return event;
        List<SQSEvent.SQSMessage> messages = new ArrayList<>(records.size());
        for (Object r : records) {
            Map<String, Object> record = JsonText.object(r);
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            if (record != null) {
                message.setMessageId(JsonText.text(record, "messageId"));
                message.setBody(JsonText.text(record, "body"));
                message.setEventSource(JsonText.text(record, "eventSource"));
                message.setEventSourceArn(JsonText.text(record, "eventSourceARN"));
                Map<String, Object> attributes = JsonText.object(record.get("attributes"));
                if (attributes != null) {
                    Map<String, String> read = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> a : attributes.entrySet()) {
                        read.put(a.getKey(), JsonText.text(attributes, a.getKey()));
                    }
                    message.setAttributes(read);
                }
            }
            messages.add(message);
        }
        event.setRecords(messages);
        return event;
    }
}
