package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.prepare;

import huzhu.core.kernel.IdempotencyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

final class SqlIdempotency implements IdempotencyStore {
    private final Sql sql;

    SqlIdempotency(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        return sql.tx(c -> {
            long at = nanos(now);
            // expired records are dead weight: forget them here rather than in a separate sweep
            execute(c, "DELETE FROM idempotency WHERE expires_at <= ?", at);
            try (PreparedStatement ps = prepare(c, "SELECT value FROM idempotency WHERE key = ?", key);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return Optional.of(rs.getString(1));
            }
            execute(c, "INSERT INTO idempotency (key, value, expires_at) VALUES (?, ?, ?)", key, value,
                    nanos(expiresAt));
            return Optional.<String>empty();
        });
    }

    /** A counter is a record whose value is the total, written in the same transaction that read it. */
    @Override
    public long count(String key, long delta, Instant expiresAt, Instant now) {
        return sql.tx(c -> {
            execute(c, "DELETE FROM idempotency WHERE key = ? AND expires_at <= ?", key, nanos(now));
            try (PreparedStatement ps = prepare(c, "SELECT value FROM idempotency WHERE key = ?", key);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long total = Long.parseLong(rs.getString(1)) + delta;
                    execute(c, "UPDATE idempotency SET value = ? WHERE key = ?", Long.toString(total), key);
                    return total;
                }
            }
            execute(c, "INSERT INTO idempotency (key, value, expires_at) VALUES (?, ?, ?)", key, Long.toString(delta),
                    nanos(expiresAt));
            return delta;
        });
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        return sql.tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT value FROM idempotency WHERE key = ? AND expires_at > ?",
                    key, nanos(now)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
