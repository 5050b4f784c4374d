package huzhu.core.error;

import java.util.Map;

/** The thing asked for does not exist (or the token does not open anything). */
public final class NotFound extends DomainException {
    private final String what;

    public NotFound(String what) {
        this(what, "error.notFound." + what, Map.of());
    }

    /** With its own text for people (a dead link says what to do instead). */
    public NotFound(String what, String messageKey, Map<String, Object> args) {
        super(messageKey, args);
        this.what = what;
    }

    public String what() {
        return what;
    }
}
