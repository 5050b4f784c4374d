package huzhu.aws.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON object per line on the given sink (stdout in Lambda, whose JSON log format keeps it as is).
 * Callers pass masked phone numbers only; message bodies are never logged, only their length.
 */
final class SendLog {
    private final Consumer<String> sink;

    SendLog(Consumer<String> sink) {
        this.sink = sink;
    }

    static Map<String, Object> fields() {
        return new LinkedHashMap<>();
    }

    void write(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (f.getValue() == null) continue;
            if (!first) out.append(',');
            first = false;
            quote(out, f.getKey()).append(':');
            Object v = f.getValue();
            if (v instanceof Number || v instanceof Boolean) out.append(v);
            else quote(out, v.toString());
        }
        sink.accept(out.append('}').toString());
    }

    static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"');
    }
}
