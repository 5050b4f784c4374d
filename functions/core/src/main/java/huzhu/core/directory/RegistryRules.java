package huzhu.core.directory;

import huzhu.core.error.NotFound;
import huzhu.core.kernel.StaleWrite;
import java.util.Optional;

/**
 * What every {@link Registry} decides before it writes, whatever it stores in: a phone only one entry may have, and
 * the version a change or a delete is based on. The stores read what the decision needs and write what it allows.
 */
public final class RegistryRules {
    private final String what;

    /** {@code what}: the kind of entry ("member", "volunteer", "leader"), as errors name it. */
    public RegistryRules(String what) {
        this.what = what;
    }

    /** Finds the id of the entry holding a phone; may read the store, and fail as it does. */
    @FunctionalInterface
    public interface PhoneHolder<E extends Exception> {
        Optional<String> idOf(String e164) throws E;
    }

    /** Throws {@link Registry.PhoneTaken} if another entry holds {@code entry}'s phone. */
    public <E extends Exception> void refuseTakenPhone(DirectoryEntry entry, PhoneHolder<E> holder) throws E {
        if (entry.phone() == null) return;
        if (holder.idOf(entry.phone()).filter(id -> !id.equals(entry.id())).isPresent()) {
            throw new Registry.PhoneTaken(what);
        }
    }

    /**
     * The stored entry a change or a delete of {@code id} based on {@code version} replaces: none is
     * {@link NotFound}, another version a {@link StaleWrite}.
     */
    public <T extends DirectoryEntry> T basedOn(Optional<T> stored, String id, long version) {
        T entry = stored.orElseThrow(() -> new NotFound(what));
        if (entry.version() != version) throw new StaleWrite(what, id);
        return entry;
    }

    /** A conditional write of {@code id} the store refused: the entry is gone, or another version is stored now. */
    public RuntimeException refused(boolean stillStored, String id) {
        return stillStored ? new StaleWrite(what, id) : new NotFound(what);
    }
}
