package huzhu.core.testing;

import huzhu.core.care.LeaseStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

final class MemoryLeases implements LeaseStore {
    private final Object lock;
    private final Map<String, Lease> leases = new HashMap<>();

    private record Lease(String owner, Instant until) {
    }

    MemoryLeases(Object lock) {
        this.lock = lock;
    }

    @Override
    public boolean acquire(String name, String owner, Instant until, Instant now) {
        synchronized (lock) {
            Lease held = leases.get(name);
            if (held != null && !held.owner().equals(owner) && held.until().isAfter(now)) return false;
            leases.put(name, new Lease(owner, until));
            return true;
        }
    }

    @Override
    public void release(String name, String owner) {
        synchronized (lock) {
            Lease held = leases.get(name);
            if (held != null && held.owner().equals(owner)) leases.remove(name);
        }
    }
}
