package huzhu.core.model;

import java.time.Instant;

/**
 * One alerted person for one incident. {@code ackSecret} authenticates that person's ack link and
 * is never shown through the API; {@code messageId} is the SMS id that replies may quote.
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
        String ackSecret,
        String failureReason) {

    public Alert withStatus(AlertStatus newStatus) {
        return new Alert(recipientId, recipientKind, name, to, language, level, sentAt, newStatus, messageId, ackSecret,
                failureReason);
    }

    public Alert delivered(String newMessageId, Instant at) {
        return new Alert(recipientId, recipientKind, name, to, language, level, at, AlertStatus.SENT, newMessageId,
                ackSecret, null);
    }

    public Alert failed(String reason, Instant at) {
        return new Alert(recipientId, recipientKind, name, to, language, level, at, AlertStatus.FAILED, null, ackSecret,
                reason);
    }
}
