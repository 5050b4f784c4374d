package huzhu.core.testing;

import huzhu.core.audit.AuditEntry;
import huzhu.core.audit.AuditStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class MemoryAudit implements AuditStore {
    private static final String LISTING = "audit";

    private final Object lock;
    final Map<String, AuditEntry> byId = new HashMap<>();

    MemoryAudit(Object lock) {
        this.lock = lock;
    }

    @Override
    public void append(AuditEntry entry) {
        synchronized (lock) {
            if (byId.containsKey(entry.id())) throw new IllegalStateException("audit " + entry.id() + " already exists");
            byId.put(entry.id(), entry);
        }
    }

    @Override
    public Page<AuditEntry> list(Instant from, Instant to, PageRequest request) {
        synchronized (lock) {
            List<AuditEntry> matching = byId.values().stream()
                    .filter(e -> MemoryPaging.inRange(e.at(), from, to)).toList();
            return MemoryPaging.page(matching, e -> new MemoryPaging.Newest(e.at(), e.id()), request,
                    c -> MemoryPaging.Newest.decode(LISTING, c), k -> k.encode(LISTING));
        }
    }
}
