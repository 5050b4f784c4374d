package huzhu.core.service;

import java.io.PrintStream;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operational log: one JSON object per line on stdout (Lambda's JSON log format), with the fields that
 * help at 3 a.m. (incidentId, level, action). Phone numbers are masked wherever they appear.
 */
public final class Log {
    private static final Pattern PHONE = Pattern.compile("(\\+?\\d{3,5})(\\d{3,4})(\\d{4})(?!\\d)");
    private static volatile PrintStream out = System.out;

    private Log() {
    }

    public static void info(String action, Object... keyValues) {
        write("INFO", action, null, keyValues);
    }

    public static void warn(String action, Object... keyValues) {
        write("WARN", action, null, keyValues);
    }

    public static void error(String action, Throwable error, Object... keyValues) {
        write("ERROR", action, error, keyValues);
    }

    /** For tests that read what was logged. */
    public static void redirect(PrintStream target) {
        out = target == null ? System.out : target;
    }

    public static String mask(String text) {
        if (text == null) return null;
        Matcher m = PHONE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            if (m.group().replace("+", "").length() < 10) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "****" + m.group(3)));
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void write(String level, String action, Throwable error, Object... kv) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"action\":");
        quote(sb, action);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            sb.append(',');
            quote(sb, String.valueOf(kv[i]));
            sb.append(':');
            Object v = kv[i + 1];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                quote(sb, mask(String.valueOf(v)));
            }
        }
        if (error != null) {
            sb.append(",\"error\":");
            quote(sb, mask(error.getClass().getName() + ": " + error.getMessage()));
        }
        sb.append('}');
        out.println(sb);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
