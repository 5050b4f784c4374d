package huzhu.local;

import java.time.Instant;
import java.util.Map;

/**
 * One SMS the system sent, as {@code GET /local/sms/outbox} lists it: the text, and the catalogue template and
 * variables it was rendered from (what a domestic provider would have been sent); {@code incidentId} may be null.
 */
public record OutboxEntry(String messageId, String to, String body, Instant sentAt, String incidentId, String template,
        Map<String, String> variables) {
    public OutboxEntry {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
