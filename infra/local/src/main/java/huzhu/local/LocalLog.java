package huzhu.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import huzhu.http.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's own log: one JSON object per line on stdout, like Lambda's JSON log format.
 * Free text (exception messages) passes through {@link Phones#maskAll} because it may quote a number.
 */
final class LocalLog {
    private LocalLog() {
    }

    static void info(String action, Map<String, ?> fields) {
        write("INFO", action, fields, null);
    }

    static void warn(String action, Map<String, ?> fields) {
        write("WARN", action, fields, null);
    }

    static void error(String action, Map<String, ?> fields, Throwable failure) {
        write("ERROR", action, fields, failure);
    }

    private static void write(String level, String action, Map<String, ?> fields, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("action", action);
        line.putAll(fields);
        if (failure != null) {
            line.put("errorType", failure.getClass().getName());
            line.put("errorMessage", Phones.maskAll(String.valueOf(failure.getMessage())));
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            json = "{\"level\":\"ERROR\",\"action\":\"log\",\"errorType\":\"" + e.getClass().getName() + "\"}";
        }
        System.out.println(json);
    }
}
