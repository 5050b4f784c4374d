package huzhu.core.error;

import java.util.Map;

/** The caller is known but their role may not do this. */
public final class Forbidden extends DomainException {
    public Forbidden() {
        super("error.forbidden", Map.of());
    }
}
