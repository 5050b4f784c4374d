package huzhu.core.care;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.IdempotencyStore.Reservation;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.Wire;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Care rounds (走访慰问): officers plan visits to sick members and families in hardship, or a seasonal round such as
 * the summer safety check of every member's home, for an audience chosen at once; one follow-up per member is
 * created with the round, each with the round's task, owner and due date, and the round shows how far it has got.
 * Follow-up ids come from the round and the member, so finishing an interrupted creation ({@link #fill}) never makes
 * one twice.
 */
public final class CareRoundService {
    /** A round for more members than this is planned in parts (a request creates them all before it answers). */
    public static final int MAX_MEMBERS = 2000;
    static final int MAX_TITLE = 60;

    private final CareRoundStore rounds;
    private final FollowUpStore followUps;
    private final FollowUpService followUpService;
    private final DirectoryStore directory;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final IdempotencyStore idempotency;

    public CareRoundService(CareRoundStore rounds, FollowUpStore followUps, FollowUpService followUpService,
            DirectoryStore directory, Clock clock, Ids ids, AuditService audit, IdempotencyStore idempotency) {
        this.rounds = rounds;
        this.followUps = followUps;
        this.followUpService = followUpService;
        this.directory = directory;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    public record AudienceInput(String kind, String unit, List<String> memberIds) {
    }

    /** {@code kind}: a follow-up kind ({@code visit}, {@code safety-check}…); {@code dueDate} ISO, e.g. 2026-07-15. */
    public record RoundInput(String title, String kind, AudienceInput audience, String dueDate, String owner,
            String notes) {
    }

    /** {@code planned}: members of the round; {@code listed}: their follow-ups so far; {@code done}: those done. */
    public record Progress(int planned, int listed, int done) {
    }

    /** A round with its progress and, read one by one, its follow-ups (empty in lists). */
    public record RoundView(CareRound round, Progress progress, List<FollowUp> followUps) {
    }

    public RoundView create(RoundInput input, Actor actor) {
        return create(input, actor, null);
    }

    /**
     * As {@link #create(RoundInput, Actor)}; a repeat with the same {@code idempotencyKey} (already scoped to the
     * caller) within 24 h returns the first round and creates nothing.
     */
    public RoundView create(RoundInput input, Actor actor, String idempotencyKey) {
        RoundInput in = input == null ? new RoundInput(null, null, null, null, null, null) : input;
        Validation v = new Validation();
        String title = v.text("title", in.title(), MAX_TITLE, true);
        FollowUpKind kind = null;
        if (Text.blank(in.kind())) v.problem("kind", "invalid.required");
        else if ((kind = Wire.parse(FollowUpKind.class, in.kind())) == null) v.problem("kind", "invalid.type");
        LocalDate due = v.date("dueDate", in.dueDate(), true);
        String owner = v.text("owner", in.owner(), DirectoryService.MAX_NAME, false);
        String notes = v.text("notes", in.notes(), 2000, false);
        CareRound.Audience audience = audience(v, in.audience());
        v.idempotencyKey(idempotencyKey, 300);
        v.throwIfAny();
        List<String> members = members(audience);
        if (members.isEmpty()) throw huzhu.core.error.Invalid.of("audience.memberIds", "invalid.round.members");
        if (members.size() > MAX_MEMBERS) throw huzhu.core.error.Invalid.of("audience", "invalid.round.tooMany");

        String id = ids.newId();
        if (!Text.blank(idempotencyKey)) {
            // the round's id, reserved by the first request: a repeat finds the round under it, or finishes it
            Reservation reserved = IdempotencyStore.reserve(idempotency, "console-round:" + idempotencyKey, id,
                    BereavementService.IDEMPOTENCY_WINDOW, clock.instant());
            id = reserved.id();
            if (reserved.repeat()) {
                Optional<CareRound> existing = rounds.get(id);
                if (existing.isPresent()) return view(existing.get(), true);
            }
        }
        CareRound round = new CareRound(id, title, kind, audience, due, owner, notes, members, clock.instant(),
                actor.id(), actor.name());
        try {
            rounds.insert(round);
        } catch (AlreadyExists e) {
            // a repeat of this request stored it meanwhile (a double click): the first round is the answer
            if (Text.blank(idempotencyKey)) throw e;
            return view(rounds.get(id).orElseThrow(() -> e), true);
        }
        audit.record(actor, "create", "round", round.id(), title);
        int listed = list(round);
        JsonLog.info("round.created", "roundId", round.id(), "members", members.size(), "listed", listed);
        return view(round, true);
    }

    public RoundView get(String id) {
        return view(round(id), true);
    }

    public Page<RoundView> list(PageRequest page) {
        return rounds.list(page).map(r -> view(r, false));
    }

    /** Creates whatever follow-ups of the round an interrupted creation left out. */
    public RoundView fill(String id, Actor actor) {
        CareRound round = round(id);
        int added = list(round);
        if (added > 0) audit.record(actor, "update", "round", id, round.title());
        return view(round, true);
    }

    private CareRound round(String id) {
        return rounds.get(id).orElseThrow(() -> new NotFound("round"));
    }

    /** One follow-up per member, each under an id of the round's; returns how many this call created. */
    private int list(CareRound round) {
        Instant now = clock.instant();
        int created = 0;
        for (String memberId : round.memberIds()) {
            FollowUp f = new FollowUp(round.id() + "-" + memberId, null, memberId, round.kind(), round.dueDate(), null,
                    List.of(), round.notes(), null, FollowUpStatus.PLANNED, now, now, round.title(), round.owner(),
                    round.id(), null);
            if (followUpService.plan(f)) created++;
        }
        return created;
    }

    private RoundView view(CareRound round, boolean withFollowUps) {
        List<FollowUp> of = followUps.forRound(round.id());
        int done = (int) of.stream().filter(f -> f.status() == FollowUpStatus.DONE).count();
        return new RoundView(round, new Progress(round.memberIds().size(), of.size(), done),
                withFollowUps ? of : List.of());
    }

    private CareRound.Audience audience(Validation v, AudienceInput in) {
        if (in == null || Text.blank(in.kind())) {
            v.problem("audience.kind", "invalid.required");
            return null;
        }
        CareRound.AudienceKind kind = Wire.parse(CareRound.AudienceKind.class, in.kind());
        if (kind == null) {
            v.problem("audience.kind", "invalid.round.audience");
            return null;
        }
        String unit = null;
        if (kind == CareRound.AudienceKind.UNIT) unit = v.text("audience.unit", in.unit(), 100, true);
        List<String> ids = new ArrayList<>();
        if (kind == CareRound.AudienceKind.MEMBERS) {
            List<String> given = in.memberIds() == null ? List.of() : in.memberIds();
            if (given.isEmpty()) v.problem("audience.memberIds", "invalid.round.members");
            if (given.size() > MAX_MEMBERS) v.problem("audience.memberIds", "invalid.round.tooMany");
            for (String id : given.subList(0, Math.min(given.size(), MAX_MEMBERS))) {
                if (!Text.blank(id)) ids.add(id.strip());
            }
        }
        return new CareRound.Audience(kind, unit, ids);
    }

    /** The members the audience names now, each once; chosen ones that are not members are a 422. */
    private List<String> members(CareRound.Audience audience) {
        Set<String> out = new LinkedHashSet<>();
        switch (audience.kind()) {
            case ALL_MEMBERS -> directory.members().all().forEach(m -> out.add(m.id()));
            case UNIT -> directory.members().all().stream()
                    .filter(m -> m.unit() != null && m.unit().strip().equalsIgnoreCase(audience.unit().strip()))
                    .forEach(m -> out.add(m.id()));
            case MEMBERS -> {
                for (String id : audience.memberIds()) {
                    Member m = directory.members().get(id).orElseThrow(() ->
                            huzhu.core.error.Invalid.of("audience.memberIds", "invalid.round.members"));
                    out.add(m.id());
                }
            }
        }
        return new ArrayList<>(out);
    }

}
