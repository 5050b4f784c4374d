package huzhu.local.store;

import static huzhu.local.store.Sql.nanos;

import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.kernel.Wire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A table's documents listed newest first: by a time column, then by id, both descending. The cursor holds the last
 * row's time and id, so the next page starts right below it and stays valid while rows are added.
 */
record NewestFirst<T>(String listing, Class<T> type, String table, String timeColumn, Function<T, Instant> time,
        Function<T, String> id) {

    /** Adds {@code AND …} conditions and their parameters to a listing's query. */
    interface Narrowing extends BiConsumer<StringBuilder, List<Object>> {
        Narrowing NONE = (query, params) -> { };
    }

    /** Only the rows of the one status asked for, unless all are. */
    static <S extends Enum<S> & Wire> Narrowing status(StatusFilter<S> status) {
        if (status.everything()) return Narrowing.NONE;
        return (query, params) -> {
            query.append(" AND status = ?");
            params.add(status.single().wire());
        };
    }

    Page<T> page(Sql sql, PageRequest request) {
        return page(sql, request, Narrowing.NONE);
    }

    Page<T> page(Sql sql, PageRequest request, Narrowing narrowing) {
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), listing, 2);
        int limit = request.limit();
        StringBuilder query = new StringBuilder("SELECT doc FROM " + table + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        narrowing.accept(query, params);
        if (after != null) {
            long at = Cursor.number(after[0]);
            query.append(" AND (").append(timeColumn).append(" < ? OR (").append(timeColumn).append(" = ? AND id < ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        query.append(" ORDER BY ").append(timeColumn).append(" DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return sql.tx(c -> Page.of(sql.docs(c, type, query.toString(), params.toArray()), limit,
                row -> Cursor.encode(listing, Long.toString(nanos(time.apply(row))), id.apply(row))));
    }
}
