package huzhu.aws.sqs;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The body of one escalation timer message: {@code {"incidentId":"…","level":1,"deadline":"2026-…Z"}}.
 * A flat object of three known fields, written and read here without a JSON library (the Lambda jars carry
 * none). Whoever reads it checks the incident is still at that level with that deadline, so a duplicate,
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
        StringBuilder out = new StringBuilder(96).append("{\"incidentId\":");
        string(out, incidentId);
        out.append(",\"level\":").append(level).append(",\"deadline\":");
        string(out, deadline.toString());
        return out.append('}').toString();
    }

    public static TimerMessage parse(String body) {
        if (body == null) throw new Malformed("empty body");
        Map<String, Object> fields = new Parser(body).object();
        Object id = fields.get("incidentId");
        Object level = fields.get("level");
        Object deadline = fields.get("deadline");
        if (!(id instanceof String s)) throw new Malformed("incidentId must be a string");
        if (!(level instanceof Long n) || n > Integer.MAX_VALUE) throw new Malformed("level must be an integer");
        if (!(deadline instanceof String d)) throw new Malformed("deadline must be a string");
        try {
            return new TimerMessage(s, n.intValue(), Instant.parse(d));
        } catch (DateTimeException e) {
            throw new Malformed("deadline is not an ISO-8601 instant");
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }

    /** Just enough JSON: one object whose values are strings, integers, true, false or null. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> out = new HashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    out.put(key, value());
                    skipSpace();
                    if (peek() == ',') {
                        i++;
                        continue;
                    }
                    expect('}');
                    break;
                }
            }
            skipSpace();
            if (i != s.length()) throw new Malformed("trailing characters after the object");
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '"') return string();
            if (c == '-' || (c >= '0' && c <= '9')) return integer();
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            throw new Malformed("unexpected value at " + i);
        }

        private Long integer() {
            int start = i;
            if (peek() == '-') i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                throw new Malformed("only integers are expected");
            }
            try {
                return Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw new Malformed("bad number at " + start);
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw new Malformed("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return out.toString();
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= s.length()) throw new Malformed("unterminated escape");
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw new Malformed("short unicode escape");
                        try {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new Malformed("bad unicode escape");
                        }
                        i += 4;
                    }
                    default -> throw new Malformed("bad escape \\" + e);
                }
            }
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private char peek() {
            if (i >= s.length()) throw new Malformed("unexpected end");
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) throw new Malformed("expected '" + c + "' at " + i);
            i++;
        }
    }
}
