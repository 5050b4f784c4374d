package huzhu.core.testing;

import huzhu.core.incident.HoldStore;
import huzhu.core.incident.Holds;
import java.util.Optional;

final class MemoryHolds implements HoldStore {
    private final MemoryTable<Holds> byVolunteer;

    MemoryHolds(Object lock) {
        this.byVolunteer = new MemoryTable<>(lock, "holds", Holds::volunteerId, Holds::version);
    }

    @Override
    public Optional<Holds> get(String volunteerId) {
        return byVolunteer.get(volunteerId);
    }

    @Override
    public void put(Holds holds) {
        byVolunteer.save(holds);
    }
}
