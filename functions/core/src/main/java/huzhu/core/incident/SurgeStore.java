package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.kernel.StaleWrite;
import java.util.List;
import java.util.Optional;

/** Where each area's {@link Surge} is kept: a handful of records, one per district that ever surged. */
public interface SurgeStore {
    Optional<Surge> get(Area area);

    /**
     * Stores {@code surge} only if the area's stored version is still {@code surge.version() - 1} (nothing stored
     * when that is 0); otherwise throws {@link StaleWrite} and changes nothing.
     */
    void put(Surge surge);

    /** The surges that are on. */
    List<Surge> active();
}
