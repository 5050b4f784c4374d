package huzhu.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.log.JsonLog;

/**
 * Two-way SMS as AWS End User Messaging delivers them: SNS records whose Message is the inbound SMS
 * JSON. A record that cannot be read is logged and dropped (retrying cannot fix it); a failing store or
 * messenger propagates, so SNS delivers the record again — the service handles each message id once.
 */
public final class SmsInboundHandler implements RequestHandler<SNSEvent, Void> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
    public Void handleRequest(SNSEvent event, Context context) {
        if (event == null || event.getRecords() == null) return null;
        try {
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                InboundSms message = read(record);
                if (message != null) sms.handle(message);
            }
        } finally {
            group.awaitPosted(GroupAnnouncements.BEFORE_RETURN);
        }
        return null;
    }

    private static InboundSms read(SNSEvent.SNSRecord record) {
        String snsId = record.getSNS() == null ? null : record.getSNS().getMessageId();
        String body = record.getSNS() == null ? null : record.getSNS().getMessage();
        if (body == null) {
            JsonLog.warn("sms.unreadable", "snsMessageId", snsId, "reason", "no message");
            return null;
        }
        try {
            InboundSms m = JSON.readValue(body, InboundSms.class);
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
        } catch (JsonProcessingException e) {
            // the parser's own words quote the text it choked on (an address, a name): log only what kind of fault
            JsonLog.warn("sms.unreadable", "snsMessageId", snsId, "reason", e.getClass().getSimpleName());
            return null;
        }
    }
}
