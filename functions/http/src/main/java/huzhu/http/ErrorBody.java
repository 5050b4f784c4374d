package huzhu.http;

import java.util.Map;

/** The contract's error body: {@code {"error": {"code", "message", "fields"}}}. */
public record ErrorBody(Detail error) {

    /** {@code fields} maps a JSON path or parameter name to a message for people; empty when none. */
    public record Detail(String code, String message, Map<String, String> fields) {
        public Detail {
            fields = fields == null ? Map.of() : fields;
        }
    }

    public static ErrorBody of(String code, String message, Map<String, String> fields) {
        return new ErrorBody(new Detail(code, message, fields));
    }
}
