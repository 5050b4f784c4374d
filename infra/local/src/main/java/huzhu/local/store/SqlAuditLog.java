package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.whereTime;

import huzhu.core.audit.AuditEntry;
import huzhu.core.audit.AuditStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;

final class SqlAuditLog implements AuditStore {
    private static final NewestFirst<AuditEntry> LISTING = new NewestFirst<>("audit", AuditEntry.class, "audit", "at", AuditEntry::at,
            AuditEntry::id);

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
        return LISTING.page(sql, request, (query, params) -> whereTime(query, params, "at", from, to));
    }
}
