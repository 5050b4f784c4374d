package huzhu.core.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields an update changed, by their contract names, for the audit log (the values stay out of it). */
public final class Changes {
    private final List<String> fields = new ArrayList<>();

    public Changes check(String field, Object before, Object after) {
        if (!Objects.equals(before, after)) fields.add(field);
        return this;
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }
}
