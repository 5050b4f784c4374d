package huzhu.local;

import java.time.Instant;

/** One SMS the system sent, as {@code GET /local/sms/outbox} lists it; {@code incidentId} may be null. */
public record OutboxEntry(String messageId, String to, String body, Instant sentAt, String incidentId) {
}
