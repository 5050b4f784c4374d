package huzhu.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation failed; {@code fields} maps each bad field (JSON path) to a message key. */
public final class Invalid extends DomainException {
    private final Map<String, String> fields;

    public Invalid(Map<String, String> fields) {
        super("error.invalid", Map.of());
        this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Invalid of(String field, String messageKey) {
        return new Invalid(Map.of(field, messageKey));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
