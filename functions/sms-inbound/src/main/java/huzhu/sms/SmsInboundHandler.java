package huzhu.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.kernel.JsonText;
import huzhu.core.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two-way SMS as AWS End User Messaging delivers them: SNS records whose Message is the inbound SMS
 * JSON. A record that cannot be read is logged and dropped (retrying cannot fix it); a failing store or
 * messenger propagates, so SNS delivers the record again — the service handles each message id once.
 * Lambda hands it the event as a stream, read with {@link JsonText} (the SMS JSON too): the runtime builds no
 * serializers and Jackson stays off the first SMS's cold start.
 */
public final class SmsInboundHandler implements RequestStreamHandler {

    private final InboundSmsService sms;
    private final GroupAnnouncements group;

    public SmsInboundHandler() {
        this(Production.services().inboundSms(), Production.services().group());
        // SnapStart: before the snapshot, read an SMS record as End User Messaging sends it (JSON only: handling
        // one would send SMS); the SDK clients are primed by Production
        Priming.register("sms-inbound", () -> read(new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS()
                .withMessageId("priming").withMessage("{\"originationNumber\":\"+8613800000000\",\"destinationNumber\":"
                        + "\"+8610690000000\",\"messageBody\":\"priming\",\"inboundMessageId\":\"priming\"}"))));
    }

    public SmsInboundHandler(InboundSmsService sms) {
        this(sms, GroupAnnouncements.NONE);
    }

    /** {@code group}: its posts are given a moment to finish before the handler returns (Lambda freezes after). */
    public SmsInboundHandler(InboundSmsService sms, GroupAnnouncements group) {
        this.sms = sms;
        this.group = group;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        handleRequest(snsEvent(new String(event.readAllBytes(), StandardCharsets.UTF_8)), context);
    }

    public Void handleRequest(SNSEvent event, Context context) {
        if (event == null || event.getRecords() == null) return null;
        return group.awaitPostedAfter(() -> {
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                InboundSms message = read(record);
                if (message != null) sms.handle(message);
            }
            return null;
        });
    }

    private static InboundSms read(SNSEvent.SNSRecord record) {
        String snsId = record.getSNS() == null ? null : record.getSNS().getMessageId();
        String body = record.getSNS() == null ? null : record.getSNS().getMessage();
        if (body == null) {
            JsonLog.warn("sms.unreadable", "snsMessageId", snsId, "reason", "no message");
            return null;
        }
        try {
            InboundSms m = inboundSms(JsonText.object(JsonText.parse(body)));
            if (m == null) {
                JsonLog.warn("sms.unreadable", "snsMessageId", snsId, "reason", "not an SMS object");
                return null;
            }
            if (m.originationNumber() == null) {
                JsonLog.warn("sms.unreadable", "snsMessageId", snsId, "reason", "no originationNumber");
                return null;
            }
            if ((m.inboundMessageId() == null || m.inboundMessageId().isBlank()) && snsId != null) {
                // SNS redelivers with the same message id: it still recognises a repeat the SMS id would have
                return new InboundSms(m.originationNumber(), m.destinationNumber(), m.messageBody(), "sns:" + snsId,
                        m.previousPublishedMessageId());
            }
            return m;
        } catch (JsonText.Malformed e) {
            // the parser's words could quote the text it choked on (an address, a name): log only what kind of fault
            JsonLog.warn("sms.unreadable", "snsMessageId", snsId, "reason", "malformed JSON");
            return null;
        }
    }

    /** The SMS fields of End User Messaging's JSON; null when it is no object, or a field holds an object or array. */
    private static InboundSms inboundSms(Map<String, Object> json) {
        if (json == null) return null;
        String[] fields = {"originationNumber", "destinationNumber", "messageBody", "inboundMessageId",
                "previousPublishedMessageId"};
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object v = json.get(fields[i]);
            values[i] = JsonText.text(json, fields[i]);
            if (v != null && values[i] == null) return null;
        }
        return new InboundSms(values[0], values[1], values[2], values[3], values[4]);
    }

    /** SNS's event as the runtime's serializer reads it, the fields this handler uses: each record's id and message. */
    static SNSEvent snsEvent(String text) {
        Map<String, Object> json = JsonText.object(JsonText.parse(text));
        if (json == null) throw new IllegalArgumentException("an SNS event is a JSON object");
        List<Object> records = JsonText.array(json.get("Records"));
        if (records == null) return new SNSEvent();
        List<SNSEvent.SNSRecord> read = new ArrayList<>(records.size());
        for (Object r : records) {
            Map<String, Object> record = JsonText.object(r);
            Map<String, Object> sns = record == null ? null : JsonText.object(record.get("Sns"));
            SNSEvent.SNSRecord out = new SNSEvent.SNSRecord();
            if (record != null) {
                out.setEventSource(JsonText.text(record, "EventSource"));
                out.setEventSubscriptionArn(JsonText.text(record, "EventSubscriptionArn"));
                out.setEventVersion(JsonText.text(record, "EventVersion"));
            }
            if (sns != null) {
                out.setSns(new SNSEvent.SNS().withMessageId(JsonText.text(sns, "MessageId"))
                        .withMessage(JsonText.text(sns, "Message")).withTopicArn(JsonText.text(sns, "TopicArn"))
                        .withType(JsonText.text(sns, "Type")).withSubject(JsonText.text(sns, "Subject")));
            }
            read.add(out);
        }
        return new SNSEvent().withRecords(read);
    }
}
