package huzhu.core.audit;

import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who did what, when: the services record every directory change and every console action on an
 * incident here, after the change succeeded. The log is read by admins and written by nobody else.
 */
public final class AuditService {
    private final AuditStore auditLog;
    private final Clock clock;
    private final Ids ids;

    public AuditService(AuditStore auditLog, Clock clock, Ids ids) {
        this.auditLog = auditLog;
        this.clock = clock;
        this.ids = ids;
    }

    /** Entries with {@code from <= at < to} (either may be null), newest first. */
    public Page<AuditEntry> list(Instant from, Instant to, PageRequest page) {
        if (from != null && to != null && !from.isBefore(to)) throw Invalid.of("from", "invalid.range");
        return auditLog.list(from, to, page);
    }

    /**
     * Recorded after the change itself: a failure here surfaces as 503 to the caller, who sees the change
     * done on retry, rather than a log claiming a change that never happened.
     */
    public void record(Actor actor, String action, String targetKind, String targetId, String targetLabel,
            List<String> fields) {
        Actor who = actor == null ? Actor.SYSTEM : actor;
        auditLog.append(new AuditEntry(ids.newId(), clock.instant(), who.id(), who.name(), action, targetKind, targetId,
                targetLabel, fields));
    }

    public void record(Actor actor, String action, String targetKind, String targetId, String targetLabel) {
        record(actor, action, targetKind, targetId, targetLabel, List.of());
    }
}
