package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditService;
import huzhu.core.audit.AuditStore;
import huzhu.core.directory.Area;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.NotFound;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.AlertDelivery.Planned;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.CarrierReport;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The incident lifecycle, the one entry for every trigger: open, alert, accept, escalate, resolve. The work is
 * done by its parts — {@link LevelPlanner} (whom each level alerts), {@link AlertDelivery} (the outbox),
 * {@link Escalation} (deadlines and retries), {@link Responses} (an alerted person's answer),
 * {@link OfficerActions}, {@link LeaderNews} and {@link IncidentTexts} — while the rules that keep one incident
 * consistent are the incident's own ({@link Incident.Builder}). Every change is a conditional write; SMS go out
 * only after the write that decided them succeeded, so a lost race never alerts anyone twice.
 */
public final class Dispatcher {
    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final SettingsStore settings;
    private final Clock clock;
    private final Ids ids;
    private final ServiceConfig config;
    private final IncidentTexts texts;
    private final IncidentChanges changes;
    private final Outbound out;
    private final LeaderNews news;
    private final LevelPlanner planner;
    private final Escalation escalation;
    private final Responses responses;
    private final OfficerActions officers;
    private final Surges surges;
    private final DeliveryReports reports;
    private final Bereavements bereavements;

    public Dispatcher(IncidentStore incidents, DirectoryStore directory, SettingsStore settings, HoldStore holds,
            SurgeStore surgeStore, AuditStore audit, Messenger messenger, LeaderAnnouncements announcements,
            EscalationTimer timer, Clock clock, Ids ids, ServiceConfig config) {
        this(incidents, directory, settings, holds, surgeStore, audit, messenger, announcements,
                GroupAnnouncements.NONE, timer, clock, ids, config);
    }

    /** {@code group}: the union's group chats, told the plain facts of each incident (opened, accepted…). */
    public Dispatcher(IncidentStore incidents, DirectoryStore directory, SettingsStore settings, HoldStore holds,
            SurgeStore surgeStore, AuditStore audit, Messenger messenger, LeaderAnnouncements announcements,
            GroupAnnouncements group, EscalationTimer timer, Clock clock, Ids ids, ServiceConfig config) {
        this.incidents = incidents;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
        this.texts = new IncidentTexts(config);
        this.out = new Outbound(messenger);
        this.news = new LeaderNews(announcements, group, directory, out, texts);
        // the officers hear of a surge's incidents that ran out of policy in the district's summaries
        this.changes = new IncidentChanges(incidents, exhausted -> {
            if (!exhausted.surge()) news.exhausted(exhausted);
        });
        this.planner = new LevelPlanner(texts);
        AlertDelivery delivery = new AlertDelivery(changes, incidents, directory, out, timer, clock, texts, news);
        this.surges = new Surges(surgeStore, incidents, directory, changes, delivery, out, news, texts,
                new AuditService(audit, clock, ids), config.surge(), clock);
        this.escalation = new Escalation(changes, incidents, directory, settings, planner, delivery, timer, clock, texts,
                news, surges);
        Family family = new Family(directory, out);
        this.responses = new Responses(changes, family, escalation, out, news, clock, texts,
                new MaxActive(holds, incidents, directory));
        this.officers = new OfficerActions(changes, out, news, clock, texts, family);
        this.reports = new DeliveryReports(changes, incidents, escalation, clock, texts);
        this.bereavements = new Bereavements(incidents, directory, settings, out, news, texts, clock, ids,
                config.defaultPolicy());
    }

    /** What is known when someone raises the alarm. {@code id} may be preassigned (idempotent retries). */
    public record NewIncident(String id, String memberId, IncidentType type, String message, Place location,
            Reporter reporter, Language language) {
    }

    public enum Outcome { ACCEPTED, ALREADY_YOURS, ALREADY_TAKEN, DECLINED, ARRIVED, DONE, CLOSED, NOT_RESPONDER,
        /** a volunteer already holds as many incidents as their {@code maxActive}: this one stays open for others */
        AT_CAPACITY,
        /** the responder said when they will be there: recorded, the family and they were told */
        EXPECTED_AT }

    /**
     * How a response to an alert ended; {@code takenBy} names the responder when someone else was first,
     * {@code holding} the code of an incident the volunteer holds when they are {@link Outcome#AT_CAPACITY}.
     */
    public record Response(Incident incident, Outcome outcome, String takenBy, String holding) {
        public Response(Incident incident, Outcome outcome, String takenBy) {
            this(incident, outcome, takenBy, null);
        }
    }

    /** What a per-deadline timer achieved when it fired. */
    public enum Wake {
        /** the deadline was due and this call moved the incident on */
        ESCALATED,
        /** it fired before the deadline (a wait longer than the timer can hold): armed again for the rest */
        REARMED,
        /** the incident moved on, was accepted or closed since the timer was set, or someone else escalated it */
        STALE
    }

    // ---------------------------------------------------------------- open

    public Incident open(NewIncident request) {
        return open(request, created -> null);
    }

    /**
     * Stores the incident, then alerts the first level. {@code receipt} (e.g. the reporter's receipt — the first
     * thing a frightened person should get; null for none) and the member's notice go out first in the same
     * parallel batch as the first level's alerts: sent one after the other before the alerts, they held every
     * alert back by two SMS round trips (BENCHMARKS.md). If alerting fails, they are sent anyway. A member's emergency
     * raised by their family or themself while another is under way (one raised in the same instant: the caller read
     * none) stores and sends nothing and throws {@link UnderWay}: the caller joins that one.
     */
    public Incident open(NewIncident request, Function<Incident, OutboundSms> receipt) {
        Pending<List<Incident>> active = ReadAhead.start(incidents::active);
        Pending<EscalationPolicy> policy = ReadAhead.start(this::policy);
        Member member = request.memberId() == null ? null
                : directory.members().get(request.memberId()).orElseThrow(() -> new NotFound("member"));
        return open(request, new OpeningReads(member, active, policy, volunteersNear(member)), receipt);
    }

    /**
     * What opening an incident for {@code member} reads, started now: a caller that has just read the member (and the
     * active incidents) starts these while it still decides whether to open, so they are not round trips after it.
     */
    public OpeningReads readAhead(Member member, List<Incident> active) {
        return new OpeningReads(member, ReadAhead.done(active), ReadAhead.start(this::policy), volunteersNear(member));
    }

    /**
     * What opening an incident for a member living in one of {@code cities} reads, started before the member is
     * known: a text from a member's or a family's phone learns where the member lives from the phone's links, a
     * round trip before the member is read. Nothing is read for no city.
     */
    public EarlyReads readAheadIn(Collection<String> cities) {
        if (cities.isEmpty()) return EarlyReads.NONE;
        Map<String, Pending<List<Volunteer>>> volunteers = new HashMap<>();
        for (String city : cities) volunteers.computeIfAbsent(city, c -> ReadAhead.start(() -> directory.volunteersInCity(c)));
        return new EarlyReads(ReadAhead.start(this::policy), Map.copyOf(volunteers));
    }

    /** Reads {@link #readAheadIn} started: the policy, and the volunteers of each city (none: {@link #NONE}). */
    public record EarlyReads(Pending<EscalationPolicy> policy, Map<String, Pending<List<Volunteer>>> volunteersInCity) {
        public static final EarlyReads NONE = new EarlyReads(null, Map.of());
    }

    /**
     * {@link #readAhead(Member, List)}, taking over what {@code early} started when it read the volunteers of the
     * member's city; for a city it did not read (the links named a city the member has left), read now.
     */
    public OpeningReads readAhead(Member member, List<Incident> active, EarlyReads early) {
        String city = member == null ? null : member.homeCity();
        Pending<List<Volunteer>> volunteers = city == null ? null : early.volunteersInCity().get(city);
        if (volunteers == null) return readAhead(member, active);
        return new OpeningReads(member, ReadAhead.done(active), early.policy(), volunteers);
    }

    /**
     * The reads {@link #open(NewIncident, OpeningReads, Function)} needs, under way: the member (null for none),
     * the active incidents, the escalation policy and the volunteers of the member's city (null: read when needed).
     */
    public record OpeningReads(Member member, Pending<List<Incident>> active, Pending<EscalationPolicy> policy,
            Pending<List<Volunteer>> volunteersInCity) {
    }

    private EscalationPolicy policy() {
        return settings.escalationPolicy().orElse(config.defaultPolicy());
    }

    private Pending<List<Volunteer>> volunteersNear(Member member) {
        String city = member == null ? null : member.homeCity();
        return city == null ? null : ReadAhead.start(() -> directory.volunteersInCity(city));
    }

    /** {@link #open(NewIncident, Function)} with its reads already under way ({@link #readAhead}). */
    public Incident open(NewIncident request, OpeningReads reads, Function<Incident, OutboundSms> receipt) {
        Instant now = clock.instant();
        Member member = reads.member();
        if (member == null ? request.memberId() != null : !member.id().equals(request.memberId())) {
            throw new IllegalArgumentException("the reads are for another member");
        }
        EscalationPolicy policy = reads.policy().get();
        List<Incident> active = reads.active().get();
        Set<String> activeCodes = active.stream().map(Incident::code).collect(Collectors.toSet());
        Area area = member == null ? null : member.homeArea();
        Surges.Opening surge = surges.opening(area, active, now);

        Incident.Builder b = Incident.opening(request.id() != null ? request.id() : ids.newId(),
                IncidentCodes.next(ids, activeCodes), member == null ? null : member.id(),
                request.type() == null ? IncidentType.OTHER : request.type(), request.message(),
                request.location() != null ? request.location() : homeOf(member), request.reporter(),
                member != null ? member.language() : request.language(), now, policy,
                member != null ? 0 : policy.firstLeaderLevel());
        b.area(area);
        b.note(now, "opened", texts.timeline("timeline.opened", Map.of(
                "channel", IncidentTexts.channel(request.reporter().channel()),
                "message", request.message() == null ? "" : request.message())), request.reporter().actor());
        if (surge.on()) surges.noteOpened(b, surge, now);
        // the deadline is set before anyone is alerted: if this process dies before alerting, the sweep
        // still moves the incident on at the first level's timeout
        b.deadline(now.plusSeconds(policy.level(b.level()).timeoutSeconds()));
        // the first level is planned in the write that creates the incident (one conditional write, so exactly one
        // writer sends these alerts, as with any level): a separate write was one more round trip before them
        List<Alert> intents = planner.plan(b, b.level(), now, new StoredPeople(directory, incidents, settings, member, active,
                reads.volunteersInCity()));
        Incident created = b.build();
        try {
            if (oneAtATime(member, request)) incidents.createUnlessUnderWay(created); else incidents.create(created);
        } catch (UnderWay another) {
            JsonLog.info("incident.alreadyUnderWay", "incidentId", created.id(), "underWay", another.incidentId(),
                    "channel", request.reporter().channel().wire());
            throw another;
        } catch (StaleWrite exists) {
            // the same request again (SNS redelivery, Idempotency-Key): finish whatever the first one left undone
            Incident existing = incidents.get(created.id()).orElseThrow(() -> exists);
            List<OutboundSms> first = new ArrayList<>();
            addIfAny(first, receipt.apply(existing));
            return sendingFirst(first, () -> existing.active()
                    ? escalation.alertLevel(existing.id(), existing.level(), now, existing, first) : existing);
        }
        List<OutboundSms> first = new ArrayList<>();
        addIfAny(first, receipt.apply(created));
        JsonLog.info("incident.opened", "incidentId", created.id(), "code", created.code(), "escalationLevel",
                created.level(), "channel", request.reporter().channel().wire(), "verified",
                request.reporter().verified());
        news.opened(created, member);

        if (member != null && request.reporter().phone() != null
                && !request.reporter().phone().equals(member.phone())) {
            first.add(OutboundSms.onRecord(member.phone(), texts.memberNotice(member, created), created.id()));
        }
        if (created.exhausted() && created.status() == IncidentStatus.OPEN) news.exhausted(created);
        Incident alerted = sendingFirst(first, () -> escalation.deliver(new Planned(created, intents), first, member,
                true));
        if (surge.started() != null) surges.started(surge.started(), active);
        return alerted;
    }

    /**
     * A member's family, or the member, raising the alarm (a text, the link) has one emergency at a time: one raised in
     * the same instant as another is refused by the store ({@link UnderWay}) before anything is sent. An officer may
     * open another.
     */
    private static boolean oneAtATime(Member member, NewIncident request) {
        return member != null && request.reporter().channel() != Channel.CONSOLE;
    }

    /** Runs the alerting; whatever of {@code first} it did not send (it failed before its batch) is sent anyway. */
    private Incident sendingFirst(List<OutboundSms> first, Supplier<Incident> alerting) {
        try {
            return alerting.get();
        } finally {
            if (!first.isEmpty()) out.sendFirst(first, List.of());
        }
    }

    private static void addIfAny(List<OutboundSms> list, OutboundSms sms) {
        if (sms != null) list.add(sms);
    }

    private static Place homeOf(Member member) {
        if (member == null) return null;
        return new Place(member.homeAddress(), member.location() == null ? null : member.location().lat(),
                member.location() == null ? null : member.location().lon());
    }

    /**
     * A death in the member's family: recorded as an incident taken in hand at once, no volunteer alerted, the leaders
     * of every level told by SMS (see {@code Bereavements}). {@code who} is the deceased as leaders read it.
     */
    public Incident recordBereavement(NewIncident request, String who, String actor) {
        return bereavements.record(request, who, actor);
    }

    // ---------------------------------------------------------------- escalation

    /**
     * The scheduled check: escalates every active incident whose deadline has passed, then sends again every
     * alert whose send was lost or failed for a while (the outbox). One incident that fails does not hold up
     * the others; the first failure is rethrown at the end, so the invocation is retried.
     */
    public int escalateDue() {
        return escalation.escalateDue();
    }

    /** The outbox alone (see {@link #escalateDue()}); how many alerts were sent again. */
    public int resendDue() {
        return escalation.resendDue();
    }

    /**
     * Moves the incident one step if, and only if, it is still open and its deadline has passed. Safe to
     * call twice, late or out of order: the second call finds the deadline moved and does nothing.
     */
    public boolean escalateIfDue(String incidentId) {
        return escalation.escalate(incidentId, null, null, "sweep");
    }

    /**
     * Like {@link #escalateIfDue(String)}, but only for the deadline a timer was set for: a timer message for
     * an earlier level or an earlier deadline of the same level (duplicate, late, out of order) does nothing,
     * even when a later deadline has passed meanwhile — that one has its own timer, and the sweep.
     */
    public boolean escalateIfDue(String incidentId, int level, Instant deadline) {
        return escalation.escalate(incidentId, level, deadline, "timer");
    }

    /** A per-deadline timer fired for (incident, level, deadline). */
    public Wake onTimer(String incidentId, int level, Instant deadline) {
        return escalation.onTimer(incidentId, level, deadline);
    }

    /** An officer moves the incident to the next level now. */
    public Incident escalateNow(String incidentId, String actor) {
        return escalation.escalateNow(incidentId, actor);
    }

    // ---------------------------------------------------------------- answers, officers, relays

    /** An alerted person's answer (an SMS reply or the ack page). */
    public Response respond(String incidentId, String recipientId, Action action) {
        return responses.respond(incidentId, recipientId, action);
    }

    /**
     * An answer by SMS that may say how soon its sender will be there ({@code eta}, null if it does not): an
     * accept with it tells the family when to expect them; from the responder it updates that time.
     */
    public Response respond(String incidentId, String recipientId, Action action, Duration eta) {
        return responses.respond(incidentId, recipientId, action, eta);
    }

    /** An alerted person's reply that was not understood: kept on the timeline for the officers. */
    public Incident noteReply(String incidentId, String recipientId, String text) {
        return responses.noteReply(incidentId, recipientId, text);
    }

    public Incident acknowledge(String incidentId, String actor) {
        return officers.acknowledge(incidentId, actor);
    }

    /** An officer hands the incident to a named volunteer (see {@code OfficerActions#assign}). */
    public Incident assign(String incidentId, Volunteer volunteer, String actor) {
        return officers.assign(incidentId, volunteer, actor);
    }

    /** An officer pages the current level again. */
    public Incident repage(String incidentId, String actor) {
        return escalation.repageNow(incidentId, actor);
    }

    /** An officer's SMS to the reporter, the member or a family contact, recorded on the timeline. */
    public Incident message(String incidentId, String to, String text, String actor) {
        return officers.message(incidentId, to, text, actor);
    }

    public Incident addNote(String incidentId, String text, String actor) {
        return officers.addNote(incidentId, text, actor);
    }

    /** A line of the system's, in every language. */
    public Incident addNote(String incidentId, TimelineText text, String actor) {
        return officers.addNote(incidentId, text, actor);
    }

    public Incident resolve(String incidentId, String outcome, String notes, String actor) {
        return officers.resolve(incidentId, outcome, notes, actor);
    }

    public Incident cancel(String incidentId, String reason, String actor) {
        return officers.cancel(incidentId, reason, actor);
    }

    /**
     * The carriers' delivery reports: alerts become {@code delivered}, or {@code failed} when undeliverable (and a
     * level nobody can be reached at moves on at once). Reports of other SMS and repeats change nothing.
     * @return how many reports changed an alert
     */
    public int deliveryReports(List<CarrierReport> carrierReports) {
        return (int) reports.record(carrierReports).stream()
                .filter(o -> o == DeliveryReports.Outcome.DELIVERED || o == DeliveryReports.Outcome.UNDELIVERABLE).count();
    }

    /** A reporter's later message: on the timeline, and passed on to whoever is handling it. */
    public Incident relay(String incidentId, String text, String fromPhone) {
        return relay(incidentId, text, fromPhone, false);
    }

    /**
     * As {@link #relay(String, String, String)}; {@code urgent}: it has help words ("又晕倒了", "快来"), so it is
     * flagged on the timeline and in the SMS, and while nobody has accepted the officers (level 1) hear it too.
     */
    public Incident relay(String incidentId, String text, String fromPhone, boolean urgent) {
        return passOn(incidentId, text, fromPhone, urgent ? "urgentRelay" : "relay",
                urgent ? "timeline.relay.urgent" : "timeline.relay", urgent);
    }

    /** The reporter says help is no longer needed ("不用了"): passed on like any later message, noted as such. */
    public Incident relayStandDownWish(String incidentId, String text, String fromPhone) {
        return passOn(incidentId, text, fromPhone, "standDownAsked", "timeline.relay.standDown", false);
    }

    /** The member's personal link pressed again while their emergency is under way: noted, nobody alerted again. */
    public Incident noteTappedAgain(String incidentId, String actor) {
        return changes.note(incidentId, clock.instant(), "tappedAgain",
                texts.timeline("timeline.tappedAgain", Map.of()), actor);
    }

    /** A later message beyond the sender's cap: kept on the timeline, passed on to nobody. */
    public Incident keepUnrelayed(String incidentId, String text, String fromPhone, int cap) {
        return changes.note(incidentId, clock.instant(), "relayKept",
                texts.timeline("timeline.relay.kept", Map.of("text", text, "max", cap)), fromPhone);
    }

    /** The officers (level 1) hear that a reporter's messages are no longer passed on, so they read the timeline. */
    public void tellOfficersRelaysCapped(Incident incident) {
        for (Leader officer : directory.leadersAtLevel(1)) {
            out.sendOnRecord(officer.phone(), incident.id(), texts.relaysCappedToOfficer(officer.language(), incident));
        }
    }

    private Incident passOn(String incidentId, String text, String fromPhone, String kind, String timelineKey,
            boolean urgent) {
        Instant now = clock.instant();
        Incident updated = changes.change(incidentId, current -> IncidentChanges.write(current.edit()
                .note(now, kind, texts.timeline(timelineKey, Map.of("text", text, "code", current.code())),
                        fromPhone)));
        List<String> to = !updated.responders().isEmpty()
                ? updated.responders().stream().map(Responder::phone).toList()
                : updated.alerts().stream().filter(a -> a.status().outstanding() && a.sentAt() != null)
                        .map(Alert::to).toList();
        List<OutboundSms> messages = new ArrayList<>();
        for (String phone : to) {
            Language lang = updated.alerts().stream().filter(a -> a.to().equals(phone)).map(Alert::language)
                    .findFirst().orElse(Language.DEFAULT);
            messages.add(new OutboundSms(phone, texts.relay(lang, updated, text, urgent), updated.id()));
        }
        if (urgent && updated.status() == IncidentStatus.OPEN) {
            for (Leader officer : directory.leadersAtLevel(1)) {
                if (to.contains(officer.phone())) continue;
                messages.add(OutboundSms.onRecord(officer.phone(), texts.urgentToOfficer(officer.language(), updated, text),
                        updated.id()));
            }
        }
        out.sendAll(messages);
        return updated;
    }

    Optional<Incident> incident(String id) {
        return incidents.get(id);
    }
}
