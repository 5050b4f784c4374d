package huzhu.core.directory;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * One kind of person in the directory. Phone numbers (E.164) are unique within a registry: insert and
 * update throw {@link PhoneTaken} instead of writing a second entry with the same phone.
 */
public interface Registry<T extends DirectoryEntry> {
    Optional<T> get(String id);

    Optional<T> byPhone(String e164);

    /** Ordered by id, so a cursor stays valid while entries are added. */
    Page<T> page(PageRequest request);

    /** Every entry; the directory of one union is small (hundreds). */
    List<T> all();

    void insert(T entry);

    /** Replaces the entry with the same id; throws {@link huzhu.core.error.NotFound} if there is none. */
    void update(T entry);

    /** @return false if there was nothing to delete */
    boolean delete(String id);

    final class PhoneTaken extends RuntimeException {
        public PhoneTaken(String what) {
            super(what + " phone already registered", null, false, false);
        }
    }
}
