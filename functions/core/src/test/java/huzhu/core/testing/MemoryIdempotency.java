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
    public long count(String key, long delta, Instant expiresAt, Instant now) {
        synchronized (lock) {
            Remembered existing = records.get(key);
            boolean live = existing != null && existing.expiresAt().isAfter(now);
            long total = (live ? Long.parseLong(existing.value()) : 0) + delta;
            records.put(key, new Remembered(Long.toString(total), live ? existing.expiresAt() : expiresAt));
            return total;
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
