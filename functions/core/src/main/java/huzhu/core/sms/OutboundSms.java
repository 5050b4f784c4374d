package huzhu.core.sms;

import java.util.Objects;

/**
 * One catalogue SMS to one phone; {@code incidentId} may be null for messages about no incident. There is no way
 * to send a text that is not a {@link RenderedSms}: every outbound SMS is a registered template.
 */
public record OutboundSms(String to, RenderedSms sms, String incidentId) {
    public OutboundSms {
        Objects.requireNonNull(sms, "an SMS comes from the template catalogue (SmsComposer.render)");
    }

    /** The whole text as SNS sends it (signature included). */
    public String body() {
        return sms.text();
    }
}
