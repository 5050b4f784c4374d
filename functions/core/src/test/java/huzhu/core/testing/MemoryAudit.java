package huzhu.core.testing;

import huzhu.core.audit.AuditEntry;
import huzhu.core.audit.AuditStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;

final class MemoryAudit implements AuditStore {
    private static final MemoryPaging.Order<AuditEntry, ?> NEWEST_FIRST =
            MemoryPaging.newestFirst("audit", AuditEntry::at, AuditEntry::id);

    final MemoryTable<AuditEntry> byId;

    MemoryAudit(Object lock) {
        this.byId = new MemoryTable<>(lock, "audit", AuditEntry::id);
    }

    @Override
    public void append(AuditEntry entry) {
        byId.insert(entry);
    }

    @Override
    public Page<AuditEntry> list(Instant from, Instant to, PageRequest request) {
        return byId.page(e -> MemoryPaging.inRange(e.at(), from, to), NEWEST_FIRST, request);
    }
}
