package huzhu.core.error;

import java.util.Map;

/**
 * The record changed since the version the caller's edit was based on (If-Match): nothing was written. The caller
 * reads it again and decides again; the edge answers 412.
 */
public final class ChangedMeanwhile extends DomainException {
    public ChangedMeanwhile() {
        super("error.changedMeanwhile", Map.of());
    }
}
