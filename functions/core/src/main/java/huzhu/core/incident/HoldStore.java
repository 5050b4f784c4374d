package huzhu.core.incident;

import huzhu.core.kernel.StaleWrite;
import java.util.Optional;

/** Where each volunteer's {@link Holds} are kept. */
public interface HoldStore {
    Optional<Holds> get(String volunteerId);

    /**
     * Stores {@code holds} only if the stored version is still {@code holds.version() - 1} (nothing stored when that
     * is 0); otherwise throws {@link StaleWrite} and changes nothing.
     */
    void put(Holds holds);
}
