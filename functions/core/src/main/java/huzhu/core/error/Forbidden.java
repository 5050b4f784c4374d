package huzhu.core.error;

import java.util.Map;

/** The caller is known but may not do this: their role does not allow it, or a rule keeps it for someone else. */
public final class Forbidden extends DomainException {
    private final String code;

    /** The role may not do this. */
    public Forbidden() {
        this("forbidden", "error.forbidden", Map.of());
    }

    /** A rule keeps this step for someone else; {@code code} is the error body's stable word. */
    public Forbidden(String code, String messageKey, Map<String, Object> args) {
        super(messageKey, args);
        this.code = code;
    }

    /** A stable machine-readable word for the contract's error body: {@code forbidden} for a role refused. */
    public String code() {
        return code;
    }
}
