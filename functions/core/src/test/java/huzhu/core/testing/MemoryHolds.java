package huzhu.core.testing;

import huzhu.core.incident.HoldStore;
import huzhu.core.incident.Holds;
import huzhu.core.kernel.StaleWrite;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class MemoryHolds implements HoldStore {
    private final Object lock;
    private final Map<String, Holds> byVolunteer = new HashMap<>();

    MemoryHolds(Object lock) {
        this.lock = lock;
    }

    @Override
    public Optional<Holds> get(String volunteerId) {
        synchronized (lock) {
            return Optional.ofNullable(byVolunteer.get(volunteerId));
        }
    }

    @Override
    public void put(Holds holds) {
        synchronized (lock) {
            Holds stored = byVolunteer.get(holds.volunteerId());
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != holds.version() - 1) throw new StaleWrite("holds", holds.volunteerId());
            byVolunteer.put(holds.volunteerId(), holds);
        }
    }
}
