package huzhu.core.sms;

import java.util.Objects;

/**
 * One catalogue SMS to one phone; {@code incidentId} may be null for messages about no incident. There is no way
 * to send a text that is not a {@link RenderedSms}: every outbound SMS is a registered template.
 * {@code numberOnRecord}: the number was taken from the union's own records (a volunteer's, leader's or member's
 * record, or a family contact on it), so whose it is needs no asking ({@link DailySmsCeiling}).
 */
public record OutboundSms(String to, RenderedSms sms, String incidentId, boolean numberOnRecord) {
    public OutboundSms {
        Objects.requireNonNull(sms, "an SMS comes from the template catalogue (SmsComposer.render)");
    }

    /** An SMS to a number that came from elsewhere (what someone typed or texted from) or is not known to be on record. */
    public OutboundSms(String to, RenderedSms sms, String incidentId) {
        this(to, sms, incidentId, false);
    }

    /** An SMS to a number read from the union's records. */
    public static OutboundSms onRecord(String to, RenderedSms sms, String incidentId) {
        return new OutboundSms(to, sms, incidentId, true);
    }

    /** The whole text as SNS sends it (signature included). */
    public String body() {
        return sms.text();
    }
}
