package huzhu.core.incident;

import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.IdempotencyStore.Reservation;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.Wire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What officers do with incidents from the console. */
public final class IncidentService {
    /** An officer's SMS to the family: two SMS at most, with the signature and the incident code. */
    static final int MAX_MESSAGE_TO_FAMILY = 60;

    private final DirectoryStore directory;
    private final IdempotencyStore idempotency;
    private final IncidentStore incidents;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;

    public IncidentService(DirectoryStore directory, IdempotencyStore idempotency, IncidentStore incidents, Dispatcher dispatcher, Clock clock, Ids ids, AuditService audit) {
        this.directory = directory;
        this.idempotency = idempotency;
        this.incidents = incidents;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    public record LocationInput(String address, Double lat, Double lon) {
    }

    public record OpenInput(String memberId, String type, String message, LocationInput location) {
    }

    public Incident open(OpenInput in, String officerName) {
        return open(in, new Actor(officerName, officerName), null);
    }

    public Incident open(OpenInput in, String officerName, String idempotencyKey) {
        return open(in, new Actor(officerName, officerName), idempotencyKey);
    }

    /**
     * Opens an incident on someone's behalf. A repeat with the same {@code idempotencyKey} (already
     * scoped to the caller) within 24 h returns the first incident and opens nothing.
     */
    public Incident open(OpenInput in, Actor actor, String idempotencyKey) {
        OpenInput input = in == null ? new OpenInput(null, null, null, null) : in;
        Validation v = new Validation();
        if (Text.blank(input.memberId())) v.problem("memberId", "invalid.required");
        IncidentType type = IncidentType.OTHER;
        if (!Text.blank(input.type())) {
            type = Wire.parse(IncidentType.class, input.type());
            if (type == null) v.problem("type", "invalid.type");
        }
        String message = v.text("message", input.message(), TriggerService.MAX_MESSAGE, false);
        Place place = null;
        if (input.location() != null) {
            v.range("location.lat", input.location().lat(), -90, 90);
            v.range("location.lon", input.location().lon(), -180, 180);
            place = new Place(v.text("location.address", input.location().address(), 200, false),
                    input.location().lat(), input.location().lon());
        }
        v.idempotencyKey(idempotencyKey, 300);
        v.throwIfAny();
        Member member = directory.members().get(input.memberId()).orElseThrow(() -> new NotFound("member"));
        String incidentId = null;
        if (!Text.blank(idempotencyKey)) {
            Reservation reserved = IdempotencyStore.reserve(idempotency, "console-open:" + idempotencyKey, ids.newId(),
                    TriggerService.IDEMPOTENCY_WINDOW, clock.instant());
            incidentId = reserved.id();
            if (reserved.repeat()) {
                Optional<Incident> existing = incidents.get(incidentId);
                if (existing.isPresent()) return existing.get();
                // the first request reserved the id but did not finish: finish it under the same id
            }
        }
        Incident opened = dispatcher.open(new Dispatcher.NewIncident(incidentId, member.id(), type, message, place,
                new Reporter(null, actor.name(), Channel.CONSOLE, true), member.language()));
        return recorded(actor, "open", opened);
    }

    public Incident get(String id) {
        return incidents.get(id).orElseThrow(() -> new NotFound("incident"));
    }

    public Page<Incident> list(String status, Instant from, Instant to, PageRequest page) {
        IncidentQuery query = IncidentQuery.of(status, from, to);
        if (from != null && to != null && !from.isBefore(to)) throw Invalid.of("from", "invalid.range");
        return incidents.list(query, page);
    }

    /** Every incident of the period and status, newest first (a union's are few hundred a year at most). */
    public List<Incident> all(String status, Instant from, Instant to) {
        return Page.readAll(page -> list(status, from, to, page));
    }

    /**
     * The incident history as a table asks for it: the period and status, the member's unit and area, sorted by a
     * column ({@code createdAt} newest first unless asked otherwise, {@code code}, {@code type}, {@code status},
     * {@code level}, {@code tta}: time to acknowledge), one page, and the total.
     */
    public Listed<Incident> table(String status, Instant from, Instant to, String unit, String city, String district,
            String sort, boolean descending, Integer page, PageRequest request) {
        Comparator<Incident> column = switch (Text.blank(sort) ? "createdAt" : sort.strip()) {
            case "createdAt" -> Comparator.comparing(Incident::createdAt);
            case "code" -> Comparator.comparing(Incident::code);
            case "type" -> Comparator.comparing(i -> i.type().wire());
            case "status" -> Comparator.comparing(i -> i.status().wire());
            case "level" -> Comparator.comparingInt(Incident::level);
            case "tta" -> Comparator.comparing(IncidentService::secondsToAcknowledge,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            default -> throw Invalid.of("sort", "invalid.choice");
        };
        boolean newestFirst = Text.blank(sort) || descending;
        Map<String, Member> members = new HashMap<>();
        if (!Text.blank(unit) || !Text.blank(city) || !Text.blank(district)) {
            for (Member m : directory.members().all()) members.put(m.id(), m);
        }
        List<Incident> matching = all(status, from, to).stream()
                .filter(i -> Text.blank(unit) && Text.blank(city) && Text.blank(district)
                        || inUnitAndArea(members.get(i.memberId()), unit, city, district))
                .sorted((newestFirst ? column.reversed() : column).thenComparing(Incident::id))
                .toList();
        return Listed.cut(matching, request, page, "incidents-table");
    }

    private static boolean inUnitAndArea(Member m, String unit, String city, String district) {
        if (m == null) return false;
        if (!Text.blank(unit) && !unit.strip().equals(m.unit())) return false;
        if (!Text.blank(city) && (m.homeArea() == null || !city.strip().equals(m.homeArea().city()))) return false;
        return Text.blank(district) || m.homeArea() != null && district.strip().equals(m.homeArea().district());
    }

    /** Seconds from the call for help to someone taking it; null while nobody has. */
    public static Long secondsToAcknowledge(Incident i) {
        return i.acknowledgedAt() == null ? null : Duration.between(i.createdAt(), i.acknowledgedAt()).toSeconds();
    }

    public Incident acknowledge(String id, String actor) {
        return acknowledge(id, new Actor(actor, actor));
    }

    public Incident acknowledge(String id, Actor actor) {
        return recorded(actor, "acknowledge", dispatcher.acknowledge(id, actor.name()));
    }

    /** Hands the incident to a named volunteer; 404 for an unknown volunteer. */
    public Incident assign(String id, String volunteerId, Actor actor) {
        if (Text.blank(volunteerId)) throw Invalid.of("volunteerId", "invalid.required");
        Volunteer v = directory.volunteers().get(volunteerId.strip()).orElseThrow(() -> new NotFound("volunteer"));
        return recorded(actor, "assign", dispatcher.assign(id, v, actor.name()));
    }

    public Incident repage(String id, Actor actor) {
        return recorded(actor, "repage", dispatcher.repage(id, actor.name()));
    }

    /** {@code to}: the reporter's, the member's or a family contact's phone, in any form; {@code text} 1–300 characters. */
    public Incident message(String id, String to, String text, Actor actor) {
        Validation v = new Validation();
        String phone = v.phone("to", to, true);
        String cleaned = v.text("text", text, MAX_MESSAGE_TO_FAMILY, true);
        v.throwIfAny();
        return recorded(actor, "message", dispatcher.message(id, phone, cleaned, actor.name()));
    }

    public Incident addNote(String id, String text, String actor) {
        return addNote(id, text, new Actor(actor, actor));
    }

    public Incident addNote(String id, String text, Actor actor) {
        String cleaned = Validation.onlyText("text", text, 2000, true);
        return recorded(actor, "note", dispatcher.addNote(id, cleaned, actor.name()));
    }

    public Incident escalate(String id, String actor) {
        return escalate(id, new Actor(actor, actor));
    }

    public Incident escalate(String id, Actor actor) {
        return recorded(actor, "escalate", dispatcher.escalateNow(id, actor.name()));
    }

    public Incident resolve(String id, String outcome, String notes, String actor) {
        return resolve(id, outcome, notes, new Actor(actor, actor));
    }

    public Incident resolve(String id, String outcome, String notes, Actor actor) {
        Validation v = new Validation();
        String o = v.text("outcome", outcome, 200, true);
        String n = v.text("notes", notes, 2000, false);
        v.throwIfAny();
        return recorded(actor, "resolve", dispatcher.resolve(id, o, n, actor.name()));
    }

    public Incident cancel(String id, String reason, String actor) {
        return cancel(id, reason, new Actor(actor, actor));
    }

    public Incident cancel(String id, String reason, Actor actor) {
        String r = Validation.onlyText("reason", reason, 200, false);
        return recorded(actor, "cancel", dispatcher.cancel(id, r, actor.name()));
    }

    private Incident recorded(Actor actor, String action, Incident incident) {
        audit.record(actor, action, "incident", incident.id(), incident.code());
        return incident;
    }
}
