package huzhu.core.log;

import huzhu.core.kernel.JsonString;
import huzhu.core.kernel.JsonText;
import huzhu.core.kernel.PhoneMask;
import huzhu.core.kernel.Wire;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object per line on stdout, in the shape of Lambda's JSON log format: {@code timestamp},
 * {@code level}, {@code message}, then the caller's fields ({@code incidentId}, {@code action}…), then
 * {@code errorType}/{@code errorMessage}/{@code stackTrace} for a failure. Every string passes through
 * {@link PhoneMask#scrub}, so a phone number that slips into a message is still masked. Lines below
 * {@code AWS_LAMBDA_LOG_LEVEL} (default INFO) are dropped.
 */
public final class JsonLog {
    public enum Level { DEBUG, INFO, WARN, ERROR }

    /** The CloudWatch namespace of every metric huzhu logs. */
    public static final String METRIC_NAMESPACE = "huzhu";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<String> RESERVED = Set.of("timestamp", "level", "message", "errorType", "errorMessage", "stackTrace");
    private static final int MAX_FRAMES = 12;
    private static final int MAX_CAUSES = 5;
    private static final Level MIN_LEVEL = minLevel(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

    private JsonLog() {
    }

    public static void debug(String message, Map<String, ?> fields) {
        write(Level.DEBUG, message, fields, null);
    }

    public static void info(String message, Map<String, ?> fields) {
        write(Level.INFO, message, fields, null);
    }

    public static void warn(String message, Map<String, ?> fields) {
        write(Level.WARN, message, fields, null);
    }

    public static void error(String message, Throwable error, Map<String, ?> fields) {
        write(Level.ERROR, message, fields, error);
    }

    /** Shorthand: {@code info("incident.opened", "incidentId", id, "level", 0)}. */
    public static void info(String message, Object... keyValues) {
        write(Level.INFO, message, fields(keyValues), null);
    }

    public static void warn(String message, Object... keyValues) {
        write(Level.WARN, message, fields(keyValues), null);
    }

    public static void error(String message, Throwable error, Object... keyValues) {
        write(Level.ERROR, message, fields(keyValues), error);
    }

    /**
     * An INFO line that CloudWatch also reads as one metric value (embedded metric format): {@code _aws}
     * names the metric in namespace {@value #METRIC_NAMESPACE} with the given dimension keys, whose values
     * must be among {@code keyValues}. Lambda sends stdout to CloudWatch Logs, which extracts the metric; no
     * agent, no API call on the request path.
     */
    public static void metric(String message, String metricName, String unit, long value, List<String> dimensions,
            Object... keyValues) {
        if (!enabled(Level.INFO)) return;
        Instant at = Instant.now();
        Map<String, Object> emf = new java.util.LinkedHashMap<>();
        emf.put("Timestamp", at.toEpochMilli());
        emf.put("CloudWatchMetrics", List.of(Map.of(
                "Namespace", METRIC_NAMESPACE,
                "Dimensions", List.of(dimensions),
                "Metrics", List.of(Map.of("Name", metricName, "Unit", unit)))));
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("_aws", emf);
        fields.putAll(fields(keyValues));
        fields.put(metricName, value);
        System.out.println(line(at, Level.INFO, message, fields, null));
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        return fields;
    }

    public static boolean enabled(Level level) {
        return level.compareTo(MIN_LEVEL) >= 0;
    }

    private static void write(Level level, String message, Map<String, ?> fields, Throwable error) {
        if (!enabled(level)) return;
        // System.out is read per call, not captured at init, so the local stack and tests can redirect it.
        System.out.println(line(Instant.now(), level, message, fields, error));
    }

    /**
     * A line for a sink of the caller's own (an adapter's send log, which its tests read back), in the shape of
     * every other line; time is now.
     */
    public static String line(Level level, String message, Map<String, ?> fields) {
        return line(Instant.now(), level, message, fields, null);
    }

    /** The line {@link #error} and friends print, without the newline. */
    public static String line(Instant at, Level level, String message, Map<String, ?> fields, Throwable error) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"timestamp\":");
        string(out, TIMESTAMP.format(at));
        out.append(",\"level\":");
        string(out, level.name());
        out.append(",\"message\":");
        string(out, PhoneMask.scrub(message));
        if (fields != null) {
            fields.forEach((key, value) -> {
                if (key == null || RESERVED.contains(key)) return;
                out.append(',');
                string(out, key);
                out.append(':');
                value(out, value);
            });
        }
        if (error != null) {
            out.append(",\"errorType\":");
            string(out, error.getClass().getName());
            out.append(",\"errorMessage\":");
            string(out, PhoneMask.scrub(error.getMessage()));
            out.append(",\"stackTrace\":[");
            int lines = 0;
            int depth = 0;
            for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
                if (t != error) {
                    if (lines++ > 0) out.append(',');
                    string(out, PhoneMask.scrub("Caused by: " + t));
                }
                StackTraceElement[] frames = t.getStackTrace();
                for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                    if (lines++ > 0) out.append(',');
                    string(out, frames[i].toString());
                }
                if (frames.length > MAX_FRAMES) {
                    out.append(',');
                    string(out, "... " + (frames.length - MAX_FRAMES) + " more");
                }
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object value) {
        JsonText.write(out, value, JsonLog::logged, true);
    }

    /** Whole numbers, finite numbers and booleans as they are, a wire word as its word, anything else scrubbed text. */
    private static Object logged(Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            return value;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) return n;
        if (value instanceof Wire w) return w.wire();
        return PhoneMask.scrub(String.valueOf(value));
    }

    /** Everything outside printable ASCII is escaped (see {@link JsonString}). */
    private static void string(StringBuilder out, String s) {
        if (s == null) out.append("null");
        else JsonString.append(out, s, true);
    }

    private static Level minLevel(String env) {
        if (env == null) return Level.INFO;
        return switch (env.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG" -> Level.DEBUG;
            case "WARN" -> Level.WARN;
            case "ERROR", "FATAL" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
