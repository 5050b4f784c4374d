package huzhu.core.testing;

import huzhu.core.kernel.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class MemoryIdempotency implements IdempotencyStore {
    private final Object lock;
    final Map<String, Remembered> records = new HashMap<>();

    record Remembered(String value, Instant expiresAt) {
    }

    MemoryIdempotency(Object lock) {
        this.lock = lock;
    }

    @Override
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        synchronized (lock) {
            Remembered existing = records.get(key);
            if (existing != null && existing.expiresAt().isAfter(now)) return Optional.of(existing.value());
            records.put(key, new Remembered(value, expiresAt));
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        synchronized (lock) {
            Remembered existing = records.get(key);
            return existing != null && existing.expiresAt().isAfter(now) ? Optional.of(existing.value())
                    : Optional.empty();
        }
    }
}
