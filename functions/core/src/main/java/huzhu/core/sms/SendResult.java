package huzhu.core.sms;

/** What happened to one SMS: sent with a message id, or failed (permanently or worth retrying). */
public record SendResult(String messageId, String failureReason, boolean permanent) {
    public static SendResult sent(String messageId) {
        return new SendResult(messageId, null, false);
    }

    public static SendResult failed(String reason, boolean permanent) {
        return new SendResult(null, reason, permanent);
    }

    public boolean ok() {
        return messageId != null;
    }
}
