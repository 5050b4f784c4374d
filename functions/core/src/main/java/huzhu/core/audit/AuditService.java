package huzhu.core.audit;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who did what, when: the services record every directory change and every console action on an
 * incident here, after the change succeeded, and the console every read of personal data (who, what, how many).
 * The log is read by admins and written by nobody else.
 */
public final class AuditService {
    /** The same read by the same person within this window (a screen refreshing itself) is recorded once. */
    public static final Duration READ_WINDOW = Duration.ofMinutes(10);

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

    /**
     * A read of personal data, recorded before its answer goes out (a failure here is a 503: nothing is read
     * without a trace). {@code action} is {@code view} (one record), {@code list} or {@code search}; {@code recordIds}
     * are the records returned. A read repeating one already recorded in this {@link #READ_WINDOW} — same person,
     * same request, same records — adds nothing: the board and an open incident refresh every few seconds, and the
     * log should show what was seen, not how often a screen redrew it. Each entry's id is made from those, so that
     * the store itself keeps the first one (an append of an existing id changes nothing).
     */
    public void recordRead(Actor actor, String action, String targetKind, String targetId, String targetLabel,
            List<String> recordIds) {
        Actor who = actor == null ? Actor.SYSTEM : actor;
        Instant now = clock.instant();
        long window = Math.floorDiv(now.toEpochMilli(), READ_WINDOW.toMillis());
        String id = "read-" + Hashes.sha256(String.join("\0", who.id(), action, targetKind,
                String.valueOf(targetId), String.valueOf(targetLabel), String.join(",", recordIds),
                Long.toString(window))).substring(0, 32);
        try {
            auditLog.append(new AuditEntry(id, now, who.id(), who.name(), action, targetKind, targetId, targetLabel,
                    List.of(), recordIds.size()));
        } catch (AlreadyExists alreadyRecorded) {
            // the same read, recorded earlier in this window
        }
    }
}
