package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.whereTime;

import huzhu.core.audit.AuditEntry;
import huzhu.core.audit.AuditStore;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class SqlAuditLog implements AuditStore {
    private final Sql sql;

    SqlAuditLog(Sql sql) {
        this.sql = sql;
    }


    @Override
    public void append(AuditEntry entry) {
        sql.tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO audit (id, at, doc) VALUES (?, ?, ?)", entry.id(),
                    nanos(entry.at()), sql.json.write(entry));
            if (inserted == 0) throw new IllegalStateException("audit " + entry.id() + " already exists");
            return null;
        });
    }

    @Override
    public Page<AuditEntry> list(Instant from, Instant to, PageRequest request) {
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "audit", 2);
        int limit = request.limit();
        StringBuilder query = new StringBuilder("SELECT doc FROM audit WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        whereTime(query, params, "at", from, to);
        if (after != null) {
            long at = Cursor.number(after[0]);
            query.append(" AND (at < ? OR (at = ? AND id < ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        query.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return sql.tx(c -> Page.of(sql.docs(c, AuditEntry.class, query.toString(), params.toArray()), limit,
                e -> Cursor.encode("audit", Long.toString(nanos(e.at())), e.id())));
    }
}
