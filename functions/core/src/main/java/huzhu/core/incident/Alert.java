package huzhu.core.incident;

import huzhu.core.kernel.Language;
import java.time.Instant;

/**
 * One alerted person for one incident, and the outbox entry of their alert SMS. {@code messageId} is the SMS
 * id that replies may quote. The ack link is not stored: it is signed from the incident and the recipient
 * ({@link huzhu.core.incident.AckTokens}), so a leaked table lets nobody act as an alerted person.
 *
 * <p>Sending is at least once: the intent ({@code status} sent, {@code sentAt} null) is written before the
 * SMS goes out, with {@code retryAt} set to when it counts as lost if no result was recorded by then.
 * {@code attempts} counts the sends started; a transient failure waits for {@code retryAt}, a permanent one
 * (or one that failed too often) is {@code permanent} and never retried.
 */
public record Alert(
        String recipientId,
        RecipientKind recipientKind,
        String name,
        String to,
        Language language,
        int level,
        Instant sentAt,
        AlertStatus status,
        String messageId,
        String failureReason,
        int attempts,
        Instant retryAt,
        boolean permanent) {

    /** The intent to alert someone, before the SMS goes out. */
    public static Alert intent(String recipientId, RecipientKind kind, String name, String to, Language language,
            int level, Instant retryAt) {
        return new Alert(recipientId, kind, name, to, language, level, null, AlertStatus.SENT, null, null, 1,
                retryAt, false);
    }

    /** A new status; an alert answered or stood down has nothing left to send. */
    public Alert withStatus(AlertStatus newStatus) {
        Instant retry = newStatus == AlertStatus.SENT || newStatus == AlertStatus.FAILED ? retryAt : null;
        return new Alert(recipientId, recipientKind, name, to, language, level, sentAt, newStatus, messageId,
                failureReason, attempts, retry, permanent);
    }

    /** The same person alerted again (a repeated level): a new intent. */
    public Alert again(int newLevel, Instant newRetryAt) {
        return new Alert(recipientId, recipientKind, name, to, language, newLevel, null, AlertStatus.SENT, null, null,
                1, newRetryAt, false);
    }

    public Alert delivered(String newMessageId, Instant at) {
        return new Alert(recipientId, recipientKind, name, to, language, level, at, AlertStatus.SENT, newMessageId,
                null, attempts, null, false);
    }

    /** @param nextTry when to try again, or null: a permanent failure */
    public Alert failed(String reason, Instant at, Instant nextTry) {
        return new Alert(recipientId, recipientKind, name, to, language, level, at, AlertStatus.FAILED, null, reason,
                attempts, nextTry, nextTry == null);
    }

    /**
     * One more send started now: an intent again (the last failure's reason kept for the record); if its
     * result is not recorded by {@code lease}, it counts as lost and is claimed again.
     */
    public Alert claimed(Instant lease) {
        return new Alert(recipientId, recipientKind, name, to, language, level, null, AlertStatus.SENT, null,
                failureReason, attempts + 1, lease, false);
    }

    /** The carrier reported the alert on the phone; it still waits for an answer. */
    public Alert reportedDelivered() {
        return new Alert(recipientId, recipientKind, name, to, language, level, sentAt, AlertStatus.DELIVERED, messageId,
                null, attempts, null, false);
    }

    /**
     * The carrier reported it undeliverable (number empty, phone off too long, blocked): failed for good, since a
     * retry would not reach that phone either. The message id stays, so a repeated report finds it and changes
     * nothing.
     */
    public Alert reportedUndeliverable(String reason) {
        return new Alert(recipientId, recipientKind, name, to, language, level, sentAt, AlertStatus.FAILED, messageId,
                reason, attempts, null, true);
    }

    /** No longer retried (the incident was taken or closed); what happened so far stays recorded. */
    public Alert settled() {
        return retryAt == null ? this : new Alert(recipientId, recipientKind, name, to, language, level, sentAt,
                status, messageId, failureReason, attempts, null, permanent);
    }

    /** Planned and not yet sent: the SMS may or may not have gone out. */
    public boolean unsent() {
        return status == AlertStatus.SENT && sentAt == null;
    }

    /** Something is still to be sent for this alert (an intent, or a transient failure). */
    public boolean pending() {
        return retryAt != null && (unsent() || (status == AlertStatus.FAILED && !permanent));
    }

    public boolean retryDue(Instant now) {
        return pending() && !retryAt.isAfter(now);
    }
}
