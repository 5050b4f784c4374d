package huzhu.core.audit;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;

/** The audit log: append-only; nothing here changes or removes an entry. */
public interface AuditStore {
    /** Adds the entry; throws {@link huzhu.core.kernel.AlreadyExists} if one with the same id exists. */
    void append(AuditEntry entry);

    /**
     * Entries with {@code from <= at < to} (either bound may be null), newest first; equal times by id,
     * descending. A cursor stays valid while entries are appended.
     */
    Page<AuditEntry> list(Instant from, Instant to, PageRequest page);
}
