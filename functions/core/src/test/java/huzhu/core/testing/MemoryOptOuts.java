package huzhu.core.testing;

import huzhu.core.sms.OptOutStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class MemoryOptOuts implements OptOutStore {
    private final Object lock;
    private final Map<String, Instant> optOuts = new HashMap<>();

    MemoryOptOuts(Object lock) {
        this.lock = lock;
    }

    @Override
    public void record(String e164, Instant at) {
        synchronized (lock) {
            optOuts.putIfAbsent(e164, at);
        }
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        synchronized (lock) {
            return Optional.ofNullable(optOuts.get(e164));
        }
    }

    @Override
    public void clear(String e164) {
        synchronized (lock) {
            optOuts.remove(e164);
        }
    }
}
