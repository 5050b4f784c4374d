package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.whereTime;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.kernel.StaleWrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * One table of JSON documents as the embedded stores keep them: the document in {@code doc}, beside it the columns
 * the table's queries need, each taken from the document, so a column is named once for both the INSERT and the
 * UPDATE. A row is inserted once; a later version of it is written only over the version before it. Messages name a
 * row by its first key column.
 */
final class DocTable<T> {
    private record Column<T>(String name, Function<T, ?> value) {
    }

    private final Sql sql;
    private final String table;
    private final String noun;
    private final Class<T> type;
    private final List<Column<T>> key = new ArrayList<>();
    private final List<Column<T>> columns = new ArrayList<>();
    private String versionExpression;
    private ToLongFunction<T> version;

    /** {@code noun}: what messages call one row. Key, columns and version are added before the first use. */
    DocTable(Sql sql, String table, String noun, Class<T> type) {
        this.sql = sql;
        this.table = table;
        this.noun = noun;
        this.type = type;
    }

    DocTable<T> key(String column, Function<T, ?> value) {
        key.add(new Column<>(column, value));
        return this;
    }

    DocTable<T> column(String column, Function<T, ?> value) {
        columns.add(new Column<>(column, value));
        return this;
    }

    /** The version, kept in its own column {@code version}: a write of version n needs n - 1 stored. */
    DocTable<T> version(ToLongFunction<T> value) {
        column("version", value::applyAsLong);
        return versionIn("version", value);
    }

    /** The version, found in the row by {@code expression}: a write of version n needs n - 1 stored. */
    DocTable<T> versionIn(String expression, ToLongFunction<T> value) {
        this.versionExpression = expression;
        this.version = value;
        return this;
    }

    Optional<T> get(Object... keyValues) {
        return sql.tx(c -> first(sql.docs(c, type, "SELECT doc FROM " + table + " WHERE " + keyCondition(),
                keyValues)));
    }

    /**
     * The rows whose {@code timeColumn} lies from {@code from} up to {@code to} (either may be null), oldest first; rows
     * of the same instant in the order of their key.
     */
    List<T> between(String timeColumn, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("SELECT doc FROM " + table + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        whereTime(query, params, timeColumn, from, to);
        query.append(" ORDER BY ").append(timeColumn);
        for (Column<T> column : key) query.append(", ").append(column.name());
        return sql.tx(c -> sql.docs(c, type, query.toString(), params.toArray()));
    }

    /** Inserts the row; a row already under its key is the caller's bug (ids are drawn fresh), and is refused. */
    void insert(T doc) {
        sql.tx(c -> {
            if (!tryInsert(c, doc)) throw new AlreadyExists(noun, label(doc));
            return null;
        });
    }

    /** Inserts the row unless one is already under its key: whether it did. */
    boolean tryInsert(T doc) {
        return sql.tx(c -> tryInsert(c, doc));
    }

    boolean tryInsert(Connection c, T doc) throws SQLException {
        List<Column<T>> all = Stream.of(key, columns).flatMap(List::stream).toList();
        String names = String.join(", ", all.stream().map(Column::name).toList());
        List<Object> values = new ArrayList<>(values(all, doc));
        values.add(sql.json.write(doc));
        return execute(c, "INSERT OR IGNORE INTO " + table + " (" + names + ", doc) VALUES ("
                + String.join(", ", Collections.nCopies(all.size() + 1, "?")) + ")", values.toArray()) > 0;
    }

    /** Writes this version over the one before it; a row at another version, or none, is a stale write. */
    void update(T doc) {
        sql.tx(c -> {
            if (!tryReplace(c, doc)) throw new StaleWrite(noun, label(doc));
            return null;
        });
    }

    /** Version 1 as a new row, any later version over the one before it; otherwise a stale write. */
    void save(T doc) {
        sql.tx(c -> {
            boolean written = version.applyAsLong(doc) == 1 ? tryInsert(c, doc) : tryReplace(c, doc);
            if (!written) throw new StaleWrite(noun, label(doc));
            return null;
        });
    }

    /** Writes this version over the one before it: whether that was the version stored. */
    boolean tryReplace(Connection c, T doc) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (Column<T> column : columns) set.append(column.name()).append(" = ?, ");
        List<Object> values = new ArrayList<>(values(columns, doc));
        values.add(sql.json.write(doc));
        values.addAll(values(key, doc));
        values.add(version.applyAsLong(doc) - 1);
        return execute(c, "UPDATE " + table + " SET " + set + "doc = ? WHERE " + keyCondition() + " AND "
                + versionExpression + " = ?", values.toArray()) > 0;
    }

    private String keyCondition() {
        return String.join(" AND ", key.stream().map(k -> k.name() + " = ?").toList());
    }

    private String label(T doc) {
        return String.valueOf(key.get(0).value().apply(doc));
    }

    private static <T> List<Object> values(List<Column<T>> columns, T doc) {
        List<Object> values = new ArrayList<>();
        for (Column<T> column : columns) values.add(column.value().apply(doc));
        return values;
    }
}
