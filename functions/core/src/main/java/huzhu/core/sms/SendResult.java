package huzhu.core.sms;

/**
 * What happened to one SMS: sent with a message id, failed (permanently or worth retrying), or skipped: the
 * provider has no form of that template (a link-only SMS where links are forbidden), and nothing was sent.
 * {@code sentAs} names the catalogue template that went out when the provider sent another form than the one
 * asked for (the link-free alert); null when it went as asked.
 */
public record SendResult(String messageId, String failureReason, boolean permanent, boolean skipped, String sentAs) {
    public static SendResult sent(String messageId) {
        return new SendResult(messageId, null, false, false, null);
    }

    /** Sent as another template of the catalogue (the provider's form of the one asked for). */
    public static SendResult sentAs(String messageId, String template) {
        return new SendResult(messageId, null, false, false, template);
    }

    public static SendResult failed(String reason, boolean permanent) {
        return new SendResult(null, reason, permanent, false, null);
    }

    /** Not sent, and not to be: what it would have said reaches the reader another way. */
    public static SendResult skipped(String reason) {
        return new SendResult(null, reason, true, true, null);
    }

    public boolean ok() {
        return messageId != null;
    }

    /** Whether what went out carries the links of {@code asked} (a provider may have sent its link-free form). */
    public boolean keptLinks(RenderedSms asked) {
        return ok() && (sentAs == null || SmsCatalogue.find(sentAs).map(SmsTemplate::hasLink).orElse(false))
                && asked.template().hasLink();
    }
}
