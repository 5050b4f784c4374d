package huzhu.core.error;

import java.util.Map;

/** The request is well formed but clashes with the current state (duplicate phone, closed incident…). */
public final class Conflict extends DomainException {
    private final String code;

    public Conflict(String code, String messageKey) {
        this(code, messageKey, Map.of());
    }

    public Conflict(String code, String messageKey, Map<String, Object> args) {
        super(messageKey, args);
        this.code = code;
    }

    /** A stable machine-readable word for the contract's error body, e.g. {@code phone_taken}. */
    public String code() {
        return code;
    }
}
