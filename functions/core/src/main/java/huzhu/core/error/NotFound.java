package huzhu.core.error;

import java.util.Map;

/** The thing asked for does not exist (or the token does not open anything). */
public final class NotFound extends DomainException {
    private final String what;

    public NotFound(String what) {
        super("error.notFound." + what, Map.of());
        this.what = what;
    }

    public String what() {
        return what;
    }
}
