package huzhu.core.testing;

import huzhu.core.error.NotFound;
import huzhu.core.kernel.AlreadyExists;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One kind of record of the memory store, by key, under the store's one lock: the writes every real store makes
 * conditional (a new record must be new; a record's version counts its saves, so a write carries the stored
 * version plus one) and the reads every memory port repeats. A port that takes several steps at once holds the
 * same lock around them.
 */
final class MemoryTable<V> {
    private final Object lock;
    private final String what;
    private final Function<V, String> keyOf;
    private final ToLongFunction<V> versionOf;
    private final Map<String, V> rows;
    private Consumer<V> constraint = row -> { };

    /** Records without a version (inserted, put or deleted, never updated on a version), in key order. */
    MemoryTable(Object lock, String what, Function<V, String> keyOf) {
        this(lock, what, keyOf, row -> {
            throw new UnsupportedOperationException(what + " has no version");
        });
    }

    /** Rows in key order. */
    MemoryTable(Object lock, String what, Function<V, String> keyOf, ToLongFunction<V> versionOf) {
        this(lock, what, keyOf, versionOf, new TreeMap<>());
    }

    /** {@code rows} decides the order {@link #where(Predicate)} reads them in. */
    MemoryTable(Object lock, String what, Function<V, String> keyOf, ToLongFunction<V> versionOf,
            Map<String, V> rows) {
        this.lock = lock;
        this.what = what;
        this.keyOf = keyOf;
        this.versionOf = versionOf;
        this.rows = rows;
    }

    /** A rule across records (a phone only one entry may have) that every insert and update checks last. */
    MemoryTable<V> checking(Consumer<V> constraint) {
        this.constraint = constraint;
        return this;
    }

    Optional<V> get(String key) {
        synchronized (lock) {
            return Optional.ofNullable(rows.get(key));
        }
    }

    /** Adds a record no other has the key of; says whether it did. */
    boolean insertIfAbsent(V row) {
        synchronized (lock) {
            if (rows.containsKey(keyOf.apply(row))) return false;
            write(row);
            return true;
        }
    }

    /** Adds a new record; one already under its key means the caller wrote it twice. */
    void insert(V row) {
        if (!insertIfAbsent(row)) throw new AlreadyExists(what, keyOf.apply(row));
    }

    /** Replaces the stored record one version older; none, or another version, is a stale write. */
    void update(V row) {
        synchronized (lock) {
            V stored = rows.get(keyOf.apply(row));
            if (stored == null) throw new StaleWrite(what, keyOf.apply(row));
            replaceNext(stored, row);
        }
    }

    /** As {@link #update}, but a record that was never stored (or was deleted) is not found. */
    void replace(V row) {
        synchronized (lock) {
            V stored = rows.get(keyOf.apply(row));
            if (stored == null) throw new NotFound(what);
            replaceNext(stored, row);
        }
    }

    /** Stores the first version of a record (version 1) or the next one of the stored record. */
    void save(V row) {
        synchronized (lock) {
            V stored = rows.get(keyOf.apply(row));
            long storedVersion = stored == null ? 0 : versionOf.applyAsLong(stored);
            if (storedVersion != versionOf.applyAsLong(row) - 1) throw new StaleWrite(what, keyOf.apply(row));
            write(row);
        }
    }

    /** Stores the record whatever is stored under its key: the last write wins. */
    void put(V row) {
        synchronized (lock) {
            write(row);
        }
    }

    private void replaceNext(V stored, V row) {
        if (versionOf.applyAsLong(stored) != versionOf.applyAsLong(row) - 1) {
            throw new StaleWrite(what, keyOf.apply(row));
        }
        write(row);
    }

    private void write(V row) {
        constraint.accept(row);
        rows.put(keyOf.apply(row), row);
    }

    /** Removes the record if it is at {@code version}; none is not found, another version a stale write. */
    void delete(String key, long version) {
        synchronized (lock) {
            V stored = rows.get(key);
            if (stored == null) throw new NotFound(what);
            if (versionOf.applyAsLong(stored) != version) throw new StaleWrite(what, key);
            rows.remove(key);
        }
    }

    boolean delete(String key) {
        synchronized (lock) {
            return rows.remove(key) != null;
        }
    }

    boolean any(Predicate<V> filter) {
        synchronized (lock) {
            return rows.values().stream().anyMatch(filter);
        }
    }

    /** The matching records in the order the rows are kept. */
    List<V> where(Predicate<V> filter) {
        synchronized (lock) {
            return rows.values().stream().filter(filter).toList();
        }
    }

    List<V> where(Predicate<V> filter, Comparator<V> order) {
        synchronized (lock) {
            return rows.values().stream().filter(filter).sorted(order).toList();
        }
    }

    Page<V> page(Predicate<V> filter, MemoryPaging.Order<V, ?> order, PageRequest request) {
        synchronized (lock) {
            return order.page(rows.values().stream().filter(filter).toList(), request);
        }
    }

    List<V> all() {
        return where(row -> true);
    }

    /** The rows as they are; read it under the lock. */
    Map<String, V> rows() {
        return Collections.unmodifiableMap(rows);
    }
}
