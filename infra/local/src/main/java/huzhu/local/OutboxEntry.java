package huzhu.local;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SMS the system sent, as {@code GET /local/sms/outbox} lists it: the text, and the catalogue template and
 * variables it was rendered from; {@code incidentId} may be null. When a domestic provider's stand-in sent it,
 * {@code provider} names it ({@code aliyun}, {@code tencent}) and {@code templateId} is the registered template
 * it went as (the text is then that template's, with the provider's signature); both null for the outbox itself.
 */
public record OutboxEntry(String messageId, String to, String body, Instant sentAt, String incidentId, String template,
        Map<String, String> variables, String provider, String templateId) {
    public OutboxEntry {
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
