package huzhu.local.store;

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
    private final DocTable<AuditEntry> rows;

    SqlAuditLog(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "audit", "audit", AuditEntry.class)
                .key("id", AuditEntry::id)
                .column("at", e -> nanos(e.at()));
    }

    @Override
    public void append(AuditEntry entry) {
        rows.insert(entry);
    }

    @Override
    public Page<AuditEntry> list(Instant from, Instant to, PageRequest request) {
        return LISTING.page(sql, request, (query, params) -> whereTime(query, params, "at", from, to));
    }
}
