package huzhu.core.care;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryService;
import huzhu.core.error.NotFound;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStore;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Changes;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Edited;
import huzhu.core.kernel.Wire;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Care after the emergency, after a death in the family, and on care rounds: visits (慰问), assistance (帮扶), help
 * with arrangements, safety checks — each with what to do, who sees to it and by when.
 */
public final class FollowUpService {
    private static final int ATTEMPTS = 5;

    private final FollowUpStore followUps;
    private final IncidentStore incidents;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;

    public FollowUpService(FollowUpStore followUps, IncidentStore incidents, Clock clock, Ids ids, AuditService audit) {
        this.followUps = followUps;
        this.incidents = incidents;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    /** {@code task} and {@code owner}: left out of an update, they stay as they were. */
    public record FollowUpInput(String kind, String dueDate, String doneDate, List<String> visitors, String notes,
            BigDecimal amount, String status, String task, String owner) {

        public FollowUpInput(String kind, String dueDate, String doneDate, List<String> visitors, String notes,
                BigDecimal amount, String status) {
            this(kind, dueDate, doneDate, visitors, notes, amount, status, null, null);
        }
    }

    static final int MAX_TASK = 60;

    public FollowUp create(String incidentId, FollowUpInput input) {
        return create(incidentId, input, Actor.SYSTEM);
    }

    public FollowUp create(String incidentId, FollowUpInput input, Actor actor) {
        Incident incident = incidents.get(incidentId).orElseThrow(() -> new NotFound("incident"));
        Instant now = clock.instant();
        FollowUp f = build(ids.newId(), incident.id(), incident.memberId(), input, now, now, null);
        followUps.insert(f);
        audit.record(actor, "create", "followup", f.id(), incident.code());
        return f;
    }

    /** Replaces a follow-up's details, e.g. a planned visit that has now been made. */
    public FollowUp update(String id, FollowUpInput input, Actor actor) {
        return update(id, input, actor, BasedOn.ANY);
    }

    /** As {@link #update(String, FollowUpInput, Actor)}, if the stored one is still a version {@code basedOn} names. */
    public FollowUp update(String id, FollowUpInput input, Actor actor, BasedOn basedOn) {
        Edited<FollowUp> edited = VersionedChange.edit(ATTEMPTS, () -> get(id), FollowUp::version, basedOn,
                current -> build(id, current.incidentId(), current.memberId(), input, current.createdAt(),
                        clock.instant(), current), followUps::replace);
        FollowUp old = edited.before();
        FollowUp f = edited.after();
        String code = old.incidentId() == null ? null : incidents.get(old.incidentId()).map(Incident::code).orElse(null);
        audit.record(actor, "update", "followup", id, code, changes(old, f));
        return f;
    }

    /** One follow-up, as an officer opened it. */
    public FollowUp get(String id) {
        return followUps.get(id).orElseThrow(() -> new NotFound("followup"));
    }

    /**
     * Stores a follow-up planned by the union's own checklists (a death in the family, a care round) under an id of
     * their choosing, unless one with that id is there already (a retried request): true if this call stored it.
     */
    boolean plan(FollowUp followUp) {
        if (followUps.get(followUp.id()).isPresent()) return false;
        try {
            followUps.insert(followUp);
            return true;
        } catch (AlreadyExists exists) {
            return false;
        }
    }

    /** A new follow-up's text fields, checked as an officer's would be. */
    static String task(Validation v, String field, String value) {
        return v.text(field, value, MAX_TASK, false);
    }

    private FollowUp build(String id, String incidentId, String memberId, FollowUpInput input, Instant created,
            Instant now, FollowUp old) {
        FollowUpInput in = input == null ? new FollowUpInput(null, null, null, null, null, null, null) : input;
        Validation v = new Validation();
        FollowUpKind kind = null;
        if (Text.blank(in.kind())) v.problem("kind", "invalid.required");
        else if ((kind = Wire.parse(FollowUpKind.class, in.kind())) == null) v.problem("kind", "invalid.type");
        LocalDate due = v.date("dueDate", in.dueDate(), false);
        LocalDate done = v.date("doneDate", in.doneDate(), false);
        FollowUpStatus status = done != null ? FollowUpStatus.DONE : FollowUpStatus.PLANNED;
        if (!Text.blank(in.status())) {
            status = Wire.parse(FollowUpStatus.class, in.status());
            if (status == null) {
                v.problem("status", "invalid.status");
                status = FollowUpStatus.PLANNED;
            }
        }
        List<String> visitors = v.texts("visitors", in.visitors(), 20, DirectoryService.MAX_NAME, true);
        String notes = v.text("notes", in.notes(), 2000, false);
        if (in.amount() != null) v.range("amount", in.amount(), 0, 10_000_000);
        String task = task(v, "task", in.task());
        String owner = v.text("owner", in.owner(), DirectoryService.MAX_NAME, false);
        v.throwIfAny();
        if (old != null) {
            if (in.task() == null) task = old.task();
            if (in.owner() == null) owner = old.owner();
        }
        return new FollowUp(id, incidentId, memberId, kind, due, done, visitors, notes, in.amount(), status, created,
                now, task, owner, old == null ? null : old.roundId(), old == null ? null : old.applicationId(),
                old == null ? 1 : old.version() + 1);
    }

    public List<FollowUp> forIncident(String incidentId) {
        incidents.get(incidentId).orElseThrow(() -> new NotFound("incident"));
        return followUps.forIncident(incidentId);
    }

    public Page<FollowUp> list(String status, PageRequest page) {
        return followUps.list(StatusFilter.parse(FollowUpStatus.class, status), page);
    }

    private static List<String> changes(FollowUp a, FollowUp b) {
        return new Changes()
                .check("kind", a.kind(), b.kind())
                .check("dueDate", a.dueDate(), b.dueDate())
                .check("doneDate", a.doneDate(), b.doneDate())
                .check("visitors", a.visitors(), b.visitors())
                .check("notes", a.notes(), b.notes())
                .check("amount", a.amount() == null ? null : a.amount().stripTrailingZeros(),
                        b.amount() == null ? null : b.amount().stripTrailingZeros())
                .check("status", a.status(), b.status())
                .check("task", a.task(), b.task())
                .check("owner", a.owner(), b.owner())
                .fields();
    }
}
