package huzhu.local.store;

import huzhu.core.error.DependencyFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection every part of the embedded store shares, and one lock: each call is a short transaction,
 * so the checks that make a write conditional (phone uniqueness, a record's version) and the write itself cannot
 * interleave with another thread's. SQL failures that are not domain outcomes surface as {@link DependencyFailure}.
 */
final class Sql {
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    final StoredJson json = new StoredJson();

    Sql(Connection connection) {
        this.connection = connection;
    }

    @FunctionalInterface
    interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /** Runs one unit of work in its own transaction, holding the store's lock. */
    <R> R tx(Work<R> work) {
        lock.lock();
        try {
            R result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new DependencyFailure("embedded store failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DependencyFailure("cannot close the embedded store", e);
        } finally {
            lock.unlock();
        }
    }

    private void rollback(Exception cause) {
        try {
            if (!connection.isClosed()) connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The JSON documents the query selects (its first column), read back as {@code type}. */
    <T> List<T> docs(Connection c, Class<T> type, String sql, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(json.read(rs.getString(1), type));
        }
        return out;
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Appends {@code from <= column < to} (either bound may be null) to a query's WHERE clause. */
    static void whereTime(StringBuilder sql, List<Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            params.add(nanos(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < ?");
            params.add(nanos(to));
        }
    }

    /** Nanoseconds since the epoch: exact, and ordered like the instants (saturating beyond year 2262). */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException beyondRange) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static Long nanosOrNull(Instant t) {
        return t == null ? null : nanos(t);
    }
}
