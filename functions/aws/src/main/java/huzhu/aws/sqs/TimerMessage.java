package huzhu.aws.sqs;

import huzhu.core.kernel.JsonText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of one escalation timer message: {@code {"incidentId":"…","level":1,"deadline":"2026-…Z"}}.
 * A flat object of three known fields, written and read with the kernel's {@link JsonText} (the Lambda jars carry no
 * JSON library on this path). Whoever reads it checks the incident is still at that level with that deadline, so a duplicate,
 * late or out-of-order message does nothing.
 */
public record TimerMessage(String incidentId, int level, Instant deadline) {

    /** Thrown for a body that is not a timer message; such a message goes to the dead-letter queue. */
    public static final class Malformed extends RuntimeException {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    public TimerMessage {
        if (incidentId == null || incidentId.isBlank()) throw new Malformed("incidentId is missing");
        if (level < 0) throw new Malformed("level is negative");
        if (deadline == null) throw new Malformed("deadline is missing");
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("incidentId", incidentId);
        fields.put("level", level);
        fields.put("deadline", deadline.toString());
        return JsonText.write(fields);
    }

    public static TimerMessage parse(String body) {
        if (body == null) throw new Malformed("empty body");
        Map<String, Object> fields;
        try {
            fields = JsonText.object(JsonText.parse(body));
        } catch (JsonText.Malformed e) {
            throw new Malformed("not JSON: " + e.getMessage());
        }
        if (fields == null) throw new Malformed("not a JSON object");
        Object id = fields.get("incidentId");
        Object level = fields.get("level");
        Object deadline = fields.get("deadline");
        if (!(id instanceof String s)) throw new Malformed("incidentId must be a string");
        if (!(deadline instanceof String d)) throw new Malformed("deadline must be a string");
        if (!(level instanceof BigDecimal number)) throw new Malformed("level must be an integer");
        int n;
        try {
            n = number.intValueExact();
        } catch (ArithmeticException notAnInt) {
            throw new Malformed("level must be an integer");
        }
        try {
            return new TimerMessage(s, n, Instant.parse(d));
        } catch (DateTimeException e) {
            throw new Malformed("deadline is not an ISO-8601 instant");
        }
    }
}
