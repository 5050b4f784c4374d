package huzhu.core.directory;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.util.List;
import java.util.Optional;

/**
 * One kind of person in the directory. Phone numbers (E.164) are unique within a registry: insert and
 * update throw {@link PhoneTaken} instead of writing a second entry with the same phone. Changes are conditional on
 * the entry's {@code version}: a writer that read an older one gets {@link StaleWrite} and changes nothing.
 */
public interface Registry<T extends DirectoryEntry> {
    Optional<T> get(String id);

    Optional<T> byPhone(String e164);

    /** Ordered by id, so a cursor stays valid while entries are added. */
    Page<T> page(PageRequest request);

    /** Every entry; the directory of one union is small (hundreds). */
    List<T> all();

    void insert(T entry);

    /**
     * Replaces the entry with the same id if its stored version is {@code entry.version() - 1}; throws
     * {@link StaleWrite} (nothing written) if it is not, {@link huzhu.core.error.NotFound} if there is none.
     */
    void update(T entry);

    /** Deletes whatever version is stored. @return false if there was nothing to delete */
    boolean delete(String id);

    /**
     * Deletes the entry only if its stored version is {@code version}; throws {@link StaleWrite} (nothing deleted)
     * if it is not, {@link huzhu.core.error.NotFound} if there is none.
     */
    void delete(String id, long version);

    final class PhoneTaken extends RuntimeException {
        public PhoneTaken(String what) {
            super(what + " phone already registered", null, false, false);
        }
    }
}
