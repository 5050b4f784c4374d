package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Text;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsComposer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The incident lifecycle: open, alert, accept, escalate, resolve. Every change is a read, a decision
 * and a conditional write of the whole incident; when someone else wrote first, the decision is taken
 * again on what they wrote. SMS go out only after the write that decided them succeeded, so a lost race
 * never alerts anyone twice.
 */
public final class Dispatcher {
    private static final int MAX_ATTEMPTS = 25;
    /** How long a send may take before its intent counts as lost (the process died) and is sent again. */
    static final Duration SEND_LEASE = Duration.ofSeconds(20);
    /** Sends of one alert before a transient failure counts as permanent. */
    static final int MAX_SEND_ATTEMPTS = 5;
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final SettingsStore settings;
    private final Messenger messenger;
    private final LeaderAnnouncements announcements;
    private final EscalationTimer timer;
    private final Clock clock;
    private final Ids ids;
    private final ServiceConfig config;
    private final SmsComposer sms;

    public Dispatcher(IncidentStore incidents, DirectoryStore directory, SettingsStore settings, Messenger messenger, LeaderAnnouncements announcements, EscalationTimer timer,
            Clock clock, Ids ids, ServiceConfig config) {
        this.incidents = incidents;
        this.directory = directory;
        this.settings = settings;
        this.messenger = messenger;
        this.announcements = announcements;
        this.timer = timer;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
        this.sms = new SmsComposer(config.smsSignature());
    }

    /** What is known when someone raises the alarm. {@code id} may be preassigned (idempotent retries). */
    public record NewIncident(String id, String memberId, IncidentType type, String message, Place location,
            Reporter reporter, Language language) {
    }

    public enum Outcome { ACCEPTED, ALREADY_YOURS, ALREADY_TAKEN, DECLINED, ARRIVED, DONE, CLOSED, NOT_RESPONDER }

    /** How a response to an alert ended; {@code takenBy} names the responder when someone else was first. */
    public record Response(Incident incident, Outcome outcome, String takenBy) {
    }

    // ---------------------------------------------------------------- open

    public Incident open(NewIncident request) {
        return open(request, created -> null);
    }

    /**
     * Stores the incident, then alerts the first level. {@code receipt} (e.g. the reporter's receipt — the first
     * thing a frightened person should get; null for none) and the member's notice go out first in the same
     * parallel batch as the first level's alerts: sent one after the other before the alerts, they held every
     * alert back by two SMS round trips (BENCHMARKS.md, issue 7 §2). If alerting fails, they are sent anyway.
     */
    public Incident open(NewIncident request, Function<Incident, OutboundSms> receipt) {
        Instant now = clock.instant();
        Member member = request.memberId() == null ? null
                : directory.members().get(request.memberId()).orElseThrow(() -> new NotFound("member"));
        EscalationPolicy policy = settings.escalationPolicy().orElse(config.defaultPolicy());
        List<Incident> active = incidents.active();
        Set<String> activeCodes = active.stream().map(Incident::code).collect(Collectors.toSet());

        Incident.Builder b = new Incident.Builder();
        b.id = request.id() != null ? request.id() : ids.newId();
        b.code = IncidentCodes.next(ids, activeCodes);
        b.status = IncidentStatus.OPEN;
        b.memberId = member == null ? null : member.id();
        b.type = request.type() == null ? IncidentType.OTHER : request.type();
        b.message = request.message();
        b.location = request.location() != null ? request.location() : homeOf(member);
        b.reporter = request.reporter();
        b.language = member != null ? member.language() : request.language();
        b.createdAt = now;
        b.policy = policy;
        b.level = member != null ? 0 : policy.firstLeaderLevel();
        b.note(now, "opened", timelineText("timeline.opened", Map.of(
                "channel", request.reporter().channel().wire(),
                "message", request.message() == null ? "" : request.message())), reporterActor(request.reporter()));
        // the deadline is set before anyone is alerted: if this process dies before alerting, the sweep
        // still moves the incident on at the first level's timeout
        b.nextEscalationAt = now.plusSeconds(policy.level(b.level).timeoutSeconds());
        // the first level is planned in the write that creates the incident (one conditional write, so exactly one
        // writer sends these alerts, as with any level): a separate write was one more round trip before them
        Known known = new Known(member, active);
        List<Alert> intents = planLevel(b, b.level, now, known);
        Incident created = b.build();
        try {
            incidents.create(created);
        } catch (StaleWrite exists) {
            // the same request again (SNS redelivery, Idempotency-Key): finish whatever the first one left undone
            Incident existing = incidents.get(created.id()).orElseThrow(() -> exists);
            List<OutboundSms> first = new ArrayList<>();
            addIfAny(first, receipt.apply(existing));
            return sendingFirst(first, () -> existing.active()
                    ? alertLevel(existing.id(), existing.level(), now, existing, first) : existing);
        }
        List<OutboundSms> first = new ArrayList<>();
        addIfAny(first, receipt.apply(created));
        JsonLog.info("incident.opened", "incidentId", created.id(), "code", created.code(), "escalationLevel", created.level(),
                "channel", request.reporter().channel().wire(), "verified", request.reporter().verified());

        if (member != null && request.reporter().phone() != null
                && !request.reporter().phone().equals(member.phone())) {
            first.add(new OutboundSms(member.phone(), sms.compose(member.language(), "sms.memberNotice",
                    Map.of("code", created.code(), "message", orEmpty(created.message())), List.of("message")),
                    created.id()));
        }
        if (created.exhausted() && created.status() == IncidentStatus.OPEN) tellOfficersExhausted(created);
        return sendingFirst(first, () -> deliver(new Planned(created, intents), first, member, true));
    }

    /**
     * What {@link #open} has just read, so that planning and delivering the first level need not read it again
     * (each read is a DynamoDB round trip before the first alert). Null fields: read them.
     */
    private record Known(Member member, List<Incident> active) {
        static final Known NOTHING = new Known(null, null);
    }

    /** Runs the alerting; whatever of {@code first} it did not send (it failed before its batch) is sent anyway. */
    private Incident sendingFirst(List<OutboundSms> first, Supplier<Incident> alerting) {
        try {
            return alerting.get();
        } finally {
            if (!first.isEmpty()) sendFirst(first, List.of());
        }
    }

    private static void addIfAny(List<OutboundSms> list, OutboundSms sms) {
        if (sms != null) list.add(sms);
    }

    /**
     * Sends {@code first} (then empties it) and {@code messages} in one parallel batch, {@code first} at its head;
     * returns the results of {@code messages}.
     */
    private List<SendResult> sendFirst(List<OutboundSms> first, List<OutboundSms> messages) {
        if (first.isEmpty()) return messenger.sendAll(messages);
        List<OutboundSms> all = new ArrayList<>(first);
        all.addAll(messages);
        first.clear();
        List<SendResult> results = messenger.sendAll(all);
        int head = all.size() - messages.size();
        for (int i = 0; i < head; i++) {
            SendResult r = results.get(i);
            if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", all.get(i).incidentId(), "to", all.get(i).to(),
                    "reason", r.failureReason());
        }
        return results.subList(head, all.size());
    }

    /** Plans (unless planned before) and sends one level; the retry path of {@link #open}. */
    private Incident alertLevel(String id, int level, Instant now, Incident known, List<OutboundSms> first) {
        Planned planned = change(id, known, current -> {
            // exhausted: the retried request planned it (to nobody) already
            if (!current.active() || current.level() != level || current.exhausted()) {
                return Decision.none(new Planned(current, List.of()));
            }
            if (current.alerts().stream().anyMatch(a -> a.level() == level)) {
                // planned before (a retried request): send what is still unsent
                return Decision.none(new Planned(current, current.alerts().stream()
                        .filter(a -> a.level() == level && a.status() == AlertStatus.SENT && a.sentAt() == null)
                        .toList()));
            }
            Incident.Builder b = current.edit();
            List<Alert> intents = planLevel(b, level, now);
            return Decision.write(b, updated -> new Planned(updated, intents));
        });
        return deliver(planned, first, null, false);
    }

    // ---------------------------------------------------------------- escalation

    /** What a per-deadline timer achieved when it fired. */
    public enum Wake {
        /** the deadline was due and this call moved the incident on */
        ESCALATED,
        /** it fired before the deadline (a wait longer than the timer can hold): armed again for the rest */
        REARMED,
        /** the incident moved on, was accepted or closed since the timer was set, or someone else escalated it */
        STALE
    }

    /**
     * The scheduled check: escalates every active incident whose deadline has passed, then sends again every
     * alert whose send was lost or failed for a while (the outbox). One incident that fails does not hold up
     * the others; the first failure is rethrown at the end, so the invocation is retried.
     */
    public int escalateDue() {
        Instant now = clock.instant();
        int escalated = 0;
        RuntimeException first = null;
        for (Incident due : incidents.dueForEscalation(now)) {
            try {
                if (escalate(due.id(), null, null, "sweep")) escalated++;
            } catch (RuntimeException e) {
                // one failing incident must not hold back the others due in the same sweep
                JsonLog.error("escalation.failed", e, "incidentId", due.id(), "escalationLevel", due.level());
                if (first == null) first = e;
            }
        }
        try {
            resendDue();
        } catch (RuntimeException e) {
            if (first == null) first = e;
        }
        if (first != null) throw first; // the invocation fails, so it is retried and alarmed on
        return escalated;
    }

    /**
     * The outbox: alerts whose intent is older than {@link #SEND_LEASE} with no result recorded (the sender
     * died between the write and the send, or between the send and recording it), and transient failures
     * whose back-off has passed. Each is claimed by a conditional write before it is sent, so two sweeps never
     * send the same retry; a send whose result is lost is sent again (at least once).
     * @return how many alerts were sent again
     */
    public int resendDue() {
        Instant now = clock.instant();
        int resent = 0;
        RuntimeException first = null;
        for (Incident incident : incidents.active()) {
            if (incident.alerts().stream().noneMatch(a -> a.retryDue(now))) continue;
            try {
                resent += resend(incident.id(), now);
            } catch (RuntimeException e) {
                JsonLog.error("alert.resendFailed", e, "incidentId", incident.id(), "escalationLevel", incident.level());
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return resent;
    }

    private int resend(String incidentId, Instant now) {
        Planned planned = change(incidentId, current -> {
            if (!current.active()) return Decision.none(new Planned(current, List.of()));
            Incident.Builder b = current.edit();
            List<Alert> claimed = new ArrayList<>();
            for (Alert a : current.alerts()) {
                if (!a.retryDue(now)) continue;
                Alert again = a.claimed(now.plus(SEND_LEASE));
                b.replaceAlert(again);
                claimed.add(again);
            }
            if (claimed.isEmpty()) return Decision.none(new Planned(current, List.of()));
            return Decision.write(b, updated -> new Planned(updated, claimed));
        });
        if (planned.intents().isEmpty()) return 0;
        JsonLog.info("alert.resend", "incidentId", incidentId, "escalationLevel", planned.incident().level(),
                "count", planned.intents().size());
        deliver(planned);
        return planned.intents().size();
    }

    /**
     * Moves the incident one step if, and only if, it is still open and its deadline has passed. Safe to
     * call twice, late or out of order: the second call finds the deadline moved and does nothing.
     */
    public boolean escalateIfDue(String incidentId) {
        return escalate(incidentId, null, null, "sweep");
    }

    /**
     * Like {@link #escalateIfDue(String)}, but only for the deadline a timer was set for: a timer message for
     * an earlier level or an earlier deadline of the same level (duplicate, late, out of order) does nothing,
     * even when a later deadline has passed meanwhile — that one has its own timer, and the sweep.
     */
    public boolean escalateIfDue(String incidentId, int level, Instant deadline) {
        return escalate(incidentId, level, deadline, "timer");
    }

    /** A per-deadline timer fired for (incident, level, deadline). */
    public Wake onTimer(String incidentId, int level, Instant deadline) {
        Incident current = incidents.get(incidentId).orElse(null);
        if (current == null || current.status() != IncidentStatus.OPEN || !isDeadline(current, level, deadline)) {
            return Wake.STALE;
        }
        if (clock.instant().isBefore(deadline)) {
            timer.schedule(incidentId, level, deadline);
            return Wake.REARMED;
        }
        return escalateIfDue(incidentId, level, deadline) ? Wake.ESCALATED : Wake.STALE;
    }

    private boolean escalate(String incidentId, Integer expectedLevel, Instant expectedDeadline, String source) {
        Instant now = clock.instant();
        Planned planned = change(incidentId, current -> {
            if (current.status() != IncidentStatus.OPEN || current.nextEscalationAt() == null
                    || current.nextEscalationAt().isAfter(now)
                    || (expectedLevel != null && !isDeadline(current, expectedLevel, expectedDeadline))) {
                return Decision.none(new Planned(current, null));
            }
            Incident.Builder b = current.edit();
            Instant deadline = current.nextEscalationAt();
            List<Alert> intents = stepUp(b, now, deadline);
            return Decision.write(b, updated -> {
                logLateness(updated, deadline, now, source);
                return new Planned(updated, intents);
            });
        });
        if (planned.intents() == null) return false;
        deliver(planned);
        return true;
    }

    /** Millisecond precision: what every store keeps of an instant, whatever the clock gave. */
    private static boolean isDeadline(Incident incident, int level, Instant deadline) {
        return incident.level() == level && incident.nextEscalationAt() != null && deadline != null
                && incident.nextEscalationAt().toEpochMilli() == deadline.toEpochMilli();
    }

    private static void logLateness(Incident escalated, Instant deadline, Instant now, String source) {
        JsonLog.metric("incident.escalated", "EscalationLatenessMs", "Milliseconds",
                now.toEpochMilli() - deadline.toEpochMilli(), List.of("source"),
                "incidentId", escalated.id(), "escalationLevel", escalated.level(), "action", "escalate",
                "source", source, "deadline", deadline.toString(), "exhausted", escalated.exhausted());
    }

    /** An officer moves the incident to the next level now. */
    public Incident escalateNow(String incidentId, String actor) {
        Instant now = clock.instant();
        Planned planned = change(incidentId, current -> {
            requireActive(current);
            if (current.exhausted()) throw new Conflict("policy_exhausted", "error.policyExhausted");
            Incident.Builder b = current.edit();
            List<Alert> intents = stepUp(b, now, null);
            b.note(now, "escalated", timelineText("timeline.escalatedByOfficer", Map.of("level", b.level)), actor);
            return Decision.write(b, updated -> new Planned(updated, intents));
        });
        return deliver(planned);
    }

    /** One step along the policy: next level, a repeat of the last, or exhausted. */
    private List<Alert> stepUp(Incident.Builder b, Instant now, Instant deadline) {
        EscalationPolicy policy = b.policy;
        int last = policy.lastLevel();
        if (b.level < last) {
            b.level++;
            b.repeats = 0;
            b.escalations++;
            if (deadline != null) {
                b.note(now, "escalated", timelineText("timeline.escalated", Map.of("level", b.level,
                        "deadline", CLOCK_TIME.format(deadline), "actual", CLOCK_TIME.format(now))), "system", deadline);
            }
            return planLevel(b, b.level, now);
        }
        if (b.repeats < policy.level(last).repeatOrZero()) {
            b.repeats++;
            b.escalations++;
            if (deadline != null) {
                b.note(now, "repeated", timelineText("timeline.repeatedAtDeadline", Map.of("repeat", b.repeats,
                        "deadline", CLOCK_TIME.format(deadline), "actual", CLOCK_TIME.format(now))), "system", deadline);
            } else {
                b.note(now, "repeated", timelineText("timeline.repeated", Map.of("repeat", b.repeats)), "system");
            }
            return planLevel(b, last, now);
        }
        b.exhausted = true;
        b.nextEscalationAt = null;
        if (deadline != null) {
            b.note(now, "exhausted", timelineText("timeline.exhaustedAtDeadline", Map.of(
                    "deadline", CLOCK_TIME.format(deadline), "actual", CLOCK_TIME.format(now))), "system", deadline);
        } else {
            b.note(now, "exhausted", timelineText("timeline.exhausted", Map.of()), "system");
        }
        JsonLog.warn("incident.exhausted", "incidentId", b.id, "escalationLevel", b.level);
        return List.of();
    }

    /**
     * Decides who this level alerts and records the intent to alert them (alerts without {@code sentAt})
     * in the same write that sets the level, so exactly one writer sends them.
     */
    private List<Alert> planLevel(Incident.Builder b, int level, Instant now) {
        return planLevel(b, level, now, Known.NOTHING);
    }

    private List<Alert> planLevel(Incident.Builder b, int level, Instant now, Known known) {
        PolicyLevel step = b.policy.level(level);
        List<Alert> intents = new ArrayList<>();
        for (Alert recipient : recipients(b, step, now, known)) {
            Alert existing = b.alerts.stream().filter(a -> a.recipientId().equals(recipient.recipientId()))
                    .findFirst().orElse(null);
            if (existing == null) {
                b.alerts.add(recipient);
                intents.add(recipient);
            } else if (existing.status() == AlertStatus.SENT || existing.status() == AlertStatus.FAILED) {
                Alert again = existing.again(level, now.plus(SEND_LEASE));
                b.replaceAlert(again);
                intents.add(again);
            }
        }
        b.nextEscalationAt = now.plusSeconds(step.timeoutSeconds());
        if (intents.isEmpty()) {
            b.note(now, "no-recipients", timelineText("timeline.noRecipients", Map.of("level", level)), "system");
            return stepUp(b, now, null);
        }
        b.note(now, "alerted", timelineText("timeline.alerted", Map.of("level", level, "count", intents.size())),
                "system");
        return intents;
    }

    private List<Alert> recipients(Incident.Builder b, PolicyLevel step, Instant now, Known known) {
        List<Alert> out = new ArrayList<>();
        if (step.audience() == Notify.LEADERS) {
            for (Leader l : directory.leadersAtLevel(step.leaderLevel())) {
                out.add(newAlert(l.id(), RecipientKind.LEADER, l.name(), l.phone(), l.language(), step.level(), now));
            }
            return out;
        }
        if (b.memberId == null) return out;
        Member member = known.member() != null && known.member().id().equals(b.memberId) ? known.member()
                : directory.members().get(b.memberId).orElse(null);
        if (member == null || member.homeArea() == null || member.homeArea().city() == null) return out;
        Set<String> alreadyAlerted = b.alerts.stream().map(Alert::recipientId).collect(Collectors.toSet());
        // spreading only weighs other incidents' alerts: those read a moment ago by open() will do
        List<Incident> active = known.active() != null ? known.active() : incidents.active();
        List<Volunteer> chosen = AlertSpread.choose(member.homeArea(), member.location(),
                directory.volunteersInCity(member.homeArea().city()), acceptedCounts(active, b.id), alreadyAlerted,
                AlertSpread.recentAlerts(active, b.id, now, AlertSpread.WINDOW), AlertSpread.MAX_PER_WINDOW,
                step.maxRecipientsOrDefault());
        for (Volunteer v : chosen) {
            out.add(newAlert(v.id(), RecipientKind.VOLUNTEER, v.name(), v.phone(), v.language(), step.level(), now));
        }
        // a level re-alerted (repeat) reaches again those it reached before and who have not answered
        for (Alert a : b.alerts) {
            if (a.level() == step.level() && a.recipientKind() == RecipientKind.VOLUNTEER
                    && out.stream().noneMatch(o -> o.recipientId().equals(a.recipientId()))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The intent to alert: if its send is not recorded within {@link #SEND_LEASE}, the sweep sends it again. */
    private static Alert newAlert(String id, RecipientKind kind, String name, String phone, Language language,
            int level, Instant now) {
        return Alert.intent(id, kind, name, phone, language, level, now.plus(SEND_LEASE));
    }

    private static Map<String, Integer> acceptedCounts(List<Incident> active, String exceptIncident) {
        Map<String, Integer> counts = new HashMap<>();
        for (Incident i : active) {
            if (i.id().equals(exceptIncident)) continue;
            for (Responder r : i.responders()) counts.merge(r.recipientId(), 1, Integer::sum);
        }
        return counts;
    }

    // ---------------------------------------------------------------- delivery

    private record Planned(Incident incident, List<Alert> intents) {
    }

    /** Sends the planned alerts, records each result, and moves on at once if nobody could be reached. */
    private Incident deliver(Planned planned) {
        return deliver(planned, List.of(), null, false);
    }

    /**
     * {@code first} goes out at the head of the alerts' batch; {@code knownMember} spares reading the member.
     * {@code justCreated}: the incident was written a moment ago by this call and nobody has been alerted yet,
     * so nobody can have taken it — the re-read below would only cost a round trip before the first alerts.
     */
    private Incident deliver(Planned planned, List<OutboundSms> first, Member knownMember, boolean justCreated) {
        Incident incident = planned.incident();
        List<Alert> intents = planned.intents() == null ? List.of() : planned.intents();
        if (!intents.isEmpty() && !justCreated) {
            // someone may have accepted (or an officer closed it) since the write that planned these alerts:
            // whoever was stood down meanwhile must not get an alert for an incident already taken
            Incident fresh = incidents.get(incident.id()).orElse(incident);
            intents = intents.stream().filter(a -> fresh.alertFor(a.recipientId()).filter(Alert::unsent).isPresent())
                    .toList();
            incident = fresh;
        }
        if (intents.isEmpty()) {
            if (!first.isEmpty()) sendFirst(first, List.of());
            scheduleTimer(incident);
            return incident;
        }
        Member member = incident.memberId() == null ? null
                : knownMember != null && knownMember.id().equals(incident.memberId()) ? knownMember
                : directory.members().get(incident.memberId()).orElse(null);
        List<OutboundSms> messages = new ArrayList<>(intents.size());
        for (Alert a : intents) messages.add(new OutboundSms(a.to(), alertText(incident, member, a), incident.id()));
        List<SendResult> sent = sendFirst(first, messages);
        Map<String, SendResult> results = new LinkedHashMap<>();
        for (int i = 0; i < intents.size(); i++) {
            Alert a = intents.get(i);
            SendResult r = sent.get(i);
            results.put(a.recipientId(), r);
            if (!r.ok()) {
                JsonLog.warn("alert.failed", "incidentId", incident.id(), "escalationLevel", a.level(), "to", a.to(),
                        "reason", r.failureReason(), "permanent", r.permanent());
            }
        }
        Instant now = clock.instant();
        // starts from what was read just before sending: if anyone wrote since, the conditional write fails and
        // the results are recorded on a fresh read
        Incident recorded = change(incident.id(), incident, current -> {
            Incident.Builder b = current.edit();
            for (Map.Entry<String, SendResult> e : results.entrySet()) {
                Alert a = current.alertFor(e.getKey()).orElse(null);
                if (a == null || !a.unsent()) continue;
                SendResult r = e.getValue();
                if (r.ok()) {
                    b.replaceAlert(a.delivered(r.messageId(), now));
                } else {
                    boolean giveUp = r.permanent() || a.attempts() >= MAX_SEND_ATTEMPTS;
                    b.replaceAlert(a.failed(r.failureReason(), now, giveUp ? null : now.plus(backoff(a.attempts()))));
                    b.note(now, "send-failed", timelineText(giveUp ? "timeline.sendFailedFinal" : "timeline.sendFailed",
                            Map.of("name", a.name(), "reason", String.valueOf(r.failureReason()),
                                    "attempts", a.attempts())), "system");
                }
            }
            return Decision.write(b, updated -> updated);
        });
        announceLevel(recorded, member);
        boolean nobodyReached = recorded.status() == IncidentStatus.OPEN && !recorded.exhausted()
                && recorded.alerts().stream().filter(a -> a.level() == recorded.level())
                        .allMatch(a -> a.status() == AlertStatus.FAILED);
        if (nobodyReached) {
            JsonLog.warn("alert.levelUnreachable", "incidentId", recorded.id(), "escalationLevel", recorded.level());
            return moveOnNow(recorded.id(), recorded.version(), "timeline.noRecipients");
        }
        scheduleTimer(recorded);
        return recorded;
    }

    /** 30 s, 1 min, 2 min, 4 min…: a throttled or briefly failing SMS service gets room to recover. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(30L << Math.min(Math.max(attempts - 1, 0), 6));
    }

    /** Escalates immediately (all failed or all declined), guarded by the version we decided on. */
    private Incident moveOnNow(String incidentId, long seenVersion, String reasonKey) {
        Instant now = clock.instant();
        Planned planned = change(incidentId, current -> {
            if (current.version() != seenVersion || current.status() != IncidentStatus.OPEN || current.exhausted()) {
                return Decision.none(new Planned(current, List.of()));
            }
            Incident.Builder b = current.edit();
            b.note(now, "move-on", timelineText(reasonKey, Map.of("level", current.level())), "system");
            List<Alert> intents = stepUp(b, now, null);
            return Decision.write(b, updated -> new Planned(updated, intents));
        });
        return deliver(planned);
    }

    /** When a leaders' level is alerted, its topic gets the summary too (e-mail, chat), beside their SMS. */
    private void announceLevel(Incident incident, Member member) {
        PolicyLevel step = incident.policy().level(incident.level());
        if (step.audience() != Notify.LEADERS || step.leaderLevel() == null) return;
        announce(step.leaderLevel(), incident, timelineText("topic.alert", Map.of(
                "code", incident.code(), "level", incident.level(),
                "member", member == null ? Messages.text(config.defaultLanguage(), "reporter.unknown") : member.name(),
                "type", Messages.text(config.defaultLanguage(), "type." + incident.type().wire()),
                "message", orEmpty(incident.message()))));
    }

    /** The accept/resolve/cancel news for every leaders' level this incident reached. */
    private void announceToLevelsReached(Incident incident, String text) {
        incident.alerts().stream().filter(a -> a.recipientKind() == RecipientKind.LEADER)
                .map(a -> incident.policy().level(a.level()).leaderLevel())
                .filter(java.util.Objects::nonNull).distinct()
                .forEach(leaderLevel -> announce(leaderLevel, incident, text));
    }

    private void announce(int leaderLevel, Incident incident, String text) {
        try {
            announcements.announce(leaderLevel, "huzhu " + incident.code(), text);
        } catch (RuntimeException e) {
            JsonLog.error("announce.failed", e, "incidentId", incident.id(), "leaderLevel", leaderLevel);
        }
    }

    private void scheduleTimer(Incident incident) {
        if (incident.status() == IncidentStatus.OPEN && incident.nextEscalationAt() != null) {
            try {
                timer.schedule(incident.id(), incident.level(), incident.nextEscalationAt());
            } catch (RuntimeException e) {
                // the sweep still catches it; a lost timer must not fail the alert path
                JsonLog.error("timer.scheduleFailed", e, "incidentId", incident.id(), "escalationLevel", incident.level());
            }
        }
    }

    private String alertText(Incident incident, Member member, Alert alert) {
        Language lang = alert.language();
        Map<String, Object> args = new HashMap<>();
        args.put("code", incident.code());
        args.put("link", config.ackLink(incident.code(), incident.id(), alert.recipientId()));
        args.put("message", orEmpty(incident.message()));
        args.put("reporter", reporterLabel(incident, member, lang));
        if (member == null) {
            return sms.compose(lang, "sms.alert.unverified", args, List.of("message"));
        }
        args.put("member", member.name());
        args.put("address", addressOf(incident, member));
        args.put("type", Messages.text(lang, "type." + incident.type().wire()));
        // what a volunteer needs first: the code, the link (whose page has everything), the kind of emergency
        // and the address; the family's own words and names give way first
        return sms.compose(lang, "sms.alert", args, List.of("reporter", "message", "address", "member"));
    }

    private String reporterLabel(Incident incident, Member member, Language lang) {
        Reporter r = incident.reporter();
        if (r.channel() == Channel.CONSOLE) return Messages.text(lang, "reporter.console");
        if (member == null) return r.phone() == null ? Messages.text(lang, "reporter.unknown") : r.phone();
        if (r.phone() != null && r.phone().equals(member.phone())) return Messages.text(lang, "reporter.member");
        String relation = member.familyContacts().stream().filter(c -> c.phone().equals(r.phone()))
                .map(c -> orEmpty(c.relation())).findFirst().orElse("");
        String name = r.name() != null ? r.name() : "";
        String label = Messages.text(lang, "reporter.family", Map.of("relation", relation, "name", name)).trim();
        // no phone here: the ack page shows it, and the responder gets it when they accept
        return label.isEmpty() || label.equals("()") ? Messages.text(lang, "reporter.unknown") : label;
    }

    private static String addressOf(Incident incident, Member member) {
        if (incident.location() != null && !Text.blank(incident.location().address())) {
            return incident.location().address();
        }
        if (!Text.blank(member.homeAddress())) return member.homeAddress();
        if (member.homeArea() != null) return orEmpty(member.homeArea().city()) + orEmpty(member.homeArea().district());
        return "";
    }

    // ---------------------------------------------------------------- responses

    public Response respond(String incidentId, String recipientId, Action action) {
        return switch (action) {
            case ACCEPT -> accept(incidentId, recipientId);
            case DECLINE -> decline(incidentId, recipientId);
            case ARRIVED -> arrive(incidentId, recipientId);
            case DONE -> done(incidentId, recipientId);
        };
    }

    private Response accept(String incidentId, String recipientId) {
        Instant now = clock.instant();
        List<Alert> stoodDown = new ArrayList<>();
        Response response = change(incidentId, current -> {
            stoodDown.clear();
            Alert mine = current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return Decision.none(new Response(current, Outcome.CLOSED, null));
            if (current.responder(recipientId).isPresent()) {
                return Decision.none(new Response(current, Outcome.ALREADY_YOURS, null));
            }
            if (!current.responders().isEmpty()) {
                String first = current.responders().get(0).name();
                if (mine.status() == AlertStatus.SENT) {
                    Incident.Builder b = current.edit();
                    b.replaceAlert(mine.withStatus(AlertStatus.STOOD_DOWN));
                    return Decision.write(b, updated -> new Response(updated, Outcome.ALREADY_TAKEN, first));
                }
                return Decision.none(new Response(current, Outcome.ALREADY_TAKEN, first));
            }
            Incident.Builder b = current.edit();
            b.status = IncidentStatus.ACKNOWLEDGED;
            if (b.acknowledgedAt == null) b.acknowledgedAt = now;
            b.nextEscalationAt = null;
            b.replaceAlert(mine.withStatus(AlertStatus.ACCEPTED));
            b.replaceResponder(new Responder(recipientId, mine.name(), mine.to(), now, null));
            for (Alert other : current.alerts()) {
                if (other.recipientId().equals(recipientId)) continue;
                if (other.status() == AlertStatus.SENT) {
                    b.replaceAlert(other.withStatus(AlertStatus.STOOD_DOWN));
                    stoodDown.add(other);
                } else if (other.pending()) {
                    b.replaceAlert(other.settled()); // someone is coming: a failed alert need not be retried
                }
            }
            b.note(now, "accepted", timelineText("timeline.accepted", Map.of("name", mine.name())), mine.name());
            return Decision.write(b, updated -> new Response(updated, Outcome.ACCEPTED, null));
        });
        if (response.outcome() == Outcome.ACCEPTED) {
            Incident inc = response.incident();
            Alert mine = inc.alertFor(recipientId).orElseThrow();
            JsonLog.info("incident.accepted", "incidentId", inc.id(), "escalationLevel", inc.level(), "action", "accept",
                    "recipientId", recipientId);
            tellFamilyWhoIsComing(inc, mine);
            Member member = memberOf(inc);
            send(mine.to(), inc.id(), sms.compose(mine.language(), "sms.accepted.responder", Map.of(
                    "code", inc.code(), "address", member == null ? orEmpty(placeAddress(inc)) : addressOf(inc, member),
                    "reporterPhone", orEmpty(inc.reporter().phone())), List.of("address")));
            List<OutboundSms> standDown = new ArrayList<>();
            for (Alert other : stoodDown) {
                if (other.sentAt() == null) continue;
                // a leader wants to know who took it; a volunteer only that they need not go
                String text = other.recipientKind() == RecipientKind.LEADER
                        ? sms.compose(other.language(), "sms.accepted.leader", Map.of("code", inc.code(),
                                "name", mine.name(), "phone", mine.to()), List.of("name"))
                        : sms.compose(other.language(), "sms.standDown", Map.of("code", inc.code()), List.of());
                standDown.add(new OutboundSms(other.to(), text, inc.id()));
            }
            messenger.sendAll(standDown);
            announceToLevelsReached(inc, timelineText("topic.accepted", Map.of("code", inc.code(),
                    "name", mine.name(), "phone", mine.to())));
        }
        return response;
    }

    private void tellFamilyWhoIsComing(Incident inc, Alert responder) {
        Member member = memberOf(inc);
        Set<String> told = new HashSet<>();
        Map<String, Language> audience = new LinkedHashMap<>();
        if (inc.reporter().phone() != null && inc.reporter().channel() != Channel.CONSOLE) {
            audience.put(inc.reporter().phone(), inc.language());
        }
        if (member != null) audience.putIfAbsent(member.phone(), member.language());
        for (Map.Entry<String, Language> e : audience.entrySet()) {
            if (!told.add(e.getKey())) continue;
            boolean stranger = !inc.reporter().verified() && e.getKey().equals(inc.reporter().phone())
                    && (member == null || !e.getKey().equals(member.phone()));
            // someone we could not verify learns that help is coming, never who (a name, a phone) or anything of the member
            send(e.getKey(), inc.id(), stranger
                    ? sms.compose(e.getValue(), "sms.accepted.unverified", Map.of("code", inc.code()), List.of())
                    : sms.compose(e.getValue(), "sms.accepted.family", Map.of(
                            "name", responder.name(), "phone", responder.to(), "code", inc.code()), List.of("name")));
        }
    }

    private Response decline(String incidentId, String recipientId) {
        Instant now = clock.instant();
        Response response = change(incidentId, current -> {
            Alert mine = current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return Decision.none(new Response(current, Outcome.CLOSED, null));
            if (current.responder(recipientId).isPresent()) {
                return Decision.none(new Response(current, Outcome.ALREADY_YOURS, null));
            }
            if (mine.status() == AlertStatus.DECLINED) return Decision.none(new Response(current, Outcome.DECLINED, null));
            Incident.Builder b = current.edit();
            b.replaceAlert(mine.withStatus(AlertStatus.DECLINED));
            b.note(now, "declined", timelineText("timeline.declined", Map.of("name", mine.name())), mine.name());
            return Decision.write(b, updated -> new Response(updated, Outcome.DECLINED, null));
        });
        Incident inc = response.incident();
        boolean everyoneDeclined = inc.status() == IncidentStatus.OPEN && !inc.exhausted()
                && inc.alerts().stream().filter(a -> a.level() == inc.level())
                        .noneMatch(a -> a.status() == AlertStatus.SENT || a.status() == AlertStatus.ACCEPTED);
        if (response.outcome() == Outcome.DECLINED && everyoneDeclined) {
            Incident moved = moveOnNow(inc.id(), inc.version(), "timeline.allDeclined");
            return new Response(moved, Outcome.DECLINED, null);
        }
        return response;
    }

    private Response arrive(String incidentId, String recipientId) {
        Instant now = clock.instant();
        return change(incidentId, current -> {
            current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return Decision.none(new Response(current, Outcome.CLOSED, null));
            Responder me = current.responder(recipientId).orElse(null);
            if (me == null) return Decision.none(new Response(current, Outcome.NOT_RESPONDER, null));
            if (me.arrivedAt() != null) return Decision.none(new Response(current, Outcome.ARRIVED, null));
            Incident.Builder b = current.edit();
            b.replaceResponder(me.arrived(now));
            b.note(now, "arrived", timelineText("timeline.arrived", Map.of("name", me.name())), me.name());
            return Decision.write(b, updated -> new Response(updated, Outcome.ARRIVED, null));
        });
    }

    private Response done(String incidentId, String recipientId) {
        Instant now = clock.instant();
        Response response = change(incidentId, current -> {
            current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return Decision.none(new Response(current, Outcome.CLOSED, null));
            Responder me = current.responder(recipientId).orElse(null);
            if (me == null) return Decision.none(new Response(current, Outcome.NOT_RESPONDER, null));
            Incident.Builder b = current.edit();
            close(b, IncidentStatus.RESOLVED, now);
            b.outcome = Messages.text(b.language, "timeline.done", Map.of("name", me.name()));
            b.note(now, "done", timelineText("timeline.done", Map.of("name", me.name())), me.name());
            return Decision.write(b, updated -> new Response(updated, Outcome.DONE, null));
        });
        if (response.outcome() == Outcome.DONE) {
            JsonLog.info("incident.resolved", "incidentId", incidentId, "action", "done");
        }
        return response;
    }

    // ---------------------------------------------------------------- officers

    public Incident acknowledge(String incidentId, String actor) {
        Instant now = clock.instant();
        return change(incidentId, current -> {
            requireActive(current);
            if (current.status() == IncidentStatus.ACKNOWLEDGED) return Decision.none(current);
            Incident.Builder b = current.edit();
            b.status = IncidentStatus.ACKNOWLEDGED;
            b.acknowledgedAt = now;
            b.nextEscalationAt = null;
            b.note(now, "acknowledged", timelineText("timeline.acknowledged", Map.of("actor", actor)), actor);
            return Decision.write(b, updated -> updated);
        });
    }

    public Incident addNote(String incidentId, String text, String actor) {
        Instant now = clock.instant();
        return change(incidentId, current -> {
            Incident.Builder b = current.edit();
            b.note(now, "note", text, actor);
            return Decision.write(b, updated -> updated);
        });
    }

    public Incident resolve(String incidentId, String outcome, String notes, String actor) {
        Instant now = clock.instant();
        List<Alert> standDown = new ArrayList<>();
        Incident resolved = change(incidentId, current -> {
            requireActive(current);
            standDown.clear();
            Incident.Builder b = current.edit();
            standDown.addAll(standDownOutstanding(b, current));
            close(b, IncidentStatus.RESOLVED, now);
            b.outcome = outcome;
            b.note(now, "resolved", timelineText("timeline.resolved", Map.of("outcome", orEmpty(outcome))), actor);
            if (!Text.blank(notes)) b.note(now, "note", notes, actor);
            return Decision.write(b, updated -> updated);
        });
        JsonLog.info("incident.resolved", "incidentId", incidentId, "action", "resolve");
        announceToLevelsReached(resolved, timelineText("topic.resolved", Map.of("code", resolved.code(),
                "outcome", orEmpty(outcome))));
        for (Alert a : standDown) {
            send(a.to(), resolved.id(), sms.compose(a.language(), "sms.closed", Map.of("code", resolved.code()),
                    List.of()));
        }
        return resolved;
    }

    public Incident cancel(String incidentId, String reason, String actor) {
        Instant now = clock.instant();
        List<Alert> told = new ArrayList<>();
        Incident cancelled = change(incidentId, current -> {
            requireActive(current);
            told.clear();
            Incident.Builder b = current.edit();
            told.addAll(standDownOutstanding(b, current));
            for (Alert a : current.alerts()) {
                if (a.status() == AlertStatus.ACCEPTED) {
                    b.replaceAlert(a.withStatus(AlertStatus.STOOD_DOWN));
                    told.add(a);
                }
            }
            close(b, IncidentStatus.CANCELLED, now);
            b.outcome = reason;
            b.note(now, "cancelled", timelineText("timeline.cancelled", Map.of("reason", orEmpty(reason))), actor);
            return Decision.write(b, updated -> updated);
        });
        JsonLog.info("incident.cancelled", "incidentId", incidentId, "action", "cancel", "stoodDown", told.size());
        announceToLevelsReached(cancelled, timelineText("topic.cancelled", Map.of("code", cancelled.code(),
                "reason", orEmpty(reason))));
        for (Alert a : told) {
            send(a.to(), cancelled.id(), sms.compose(a.language(), "sms.cancelled",
                    Map.of("code", cancelled.code(), "reason", orEmpty(reason)), List.of("reason")));
        }
        return cancelled;
    }

    /** A reporter's later message: on the timeline, and passed on to whoever is handling it. */
    public Incident relay(String incidentId, String text, String fromPhone) {
        Instant now = clock.instant();
        Incident updated = change(incidentId, current -> {
            Incident.Builder b = current.edit();
            b.note(now, "relay", timelineText("timeline.relay", Map.of("text", text)), fromPhone);
            return Decision.write(b, u -> u);
        });
        List<String> to = !updated.responders().isEmpty()
                ? updated.responders().stream().map(Responder::phone).toList()
                : updated.alerts().stream().filter(a -> a.status() == AlertStatus.SENT && a.sentAt() != null)
                        .map(Alert::to).toList();
        for (String phone : to) {
            Language lang = updated.alerts().stream().filter(a -> a.to().equals(phone)).map(Alert::language)
                    .findFirst().orElse(Language.DEFAULT);
            send(phone, updated.id(), sms.compose(lang, "sms.relay", Map.of("code", updated.code(), "text", text),
                    List.of("text")));
        }
        return updated;
    }

    private static List<Alert> standDownOutstanding(Incident.Builder b, Incident current) {
        List<Alert> out = new ArrayList<>();
        for (Alert a : current.alerts()) {
            if (a.status() == AlertStatus.SENT) {
                b.replaceAlert(a.withStatus(AlertStatus.STOOD_DOWN));
                if (a.sentAt() != null) out.add(a);
            }
        }
        return out;
    }

    private static void close(Incident.Builder b, IncidentStatus status, Instant now) {
        b.alerts.replaceAll(Alert::settled);
        b.status = status;
        b.nextEscalationAt = null;
        b.closedAt = now;
        if (status == IncidentStatus.RESOLVED) b.resolvedAt = now;
    }

    private static void requireActive(Incident incident) {
        if (!incident.active()) throw new Conflict("incident_closed", "error.incidentClosed");
    }

    // ---------------------------------------------------------------- plumbing

    private record Decision<R>(Incident.Builder write, Function<Incident, R> then, R unchanged) {
        static <R> Decision<R> none(R result) {
            return new Decision<>(null, null, result);
        }

        static <R> Decision<R> write(Incident.Builder b, Function<Incident, R> then) {
            return new Decision<>(b, then, null);
        }
    }

    /** Read, decide, conditionally write; on a lost race, decide again on the fresh incident. */
    private <R> R change(String incidentId, Function<Incident, Decision<R>> decide) {
        return change(incidentId, null, decide);
    }

    /**
     * As above, but the first decision is taken on {@code known} (the incident as this call last wrote or read
     * it) instead of a fresh read; the conditional write still catches anyone who wrote since.
     */
    private <R> R change(String incidentId, Incident known, Function<Incident, Decision<R>> decide) {
        for (int attempt = 1; ; attempt++) {
            Incident current = attempt == 1 && known != null ? known
                    : incidents.get(incidentId).orElseThrow(() -> new NotFound("incident"));
            Decision<R> d = decide.apply(current);
            if (d.write() == null) return d.unchanged();
            Incident updated = d.write().build();
            try {
                incidents.update(updated);
            } catch (StaleWrite e) {
                if (attempt >= MAX_ATTEMPTS) throw e;
                continue;
            }
            R result = d.then().apply(updated);
            // only the one write that exhausted the policy sees this transition: officers hear of it once
            if (!current.exhausted() && updated.exhausted() && updated.status() == IncidentStatus.OPEN) {
                tellOfficersExhausted(updated);
            }
            return result;
        }
    }

    /** Nobody at any level accepted: the officers (level 1) must act by hand. */
    private void tellOfficersExhausted(Incident incident) {
        for (Leader officer : directory.leadersAtLevel(1)) {
            send(officer.phone(), incident.id(), sms.compose(officer.language(), "sms.exhausted.officer",
                    Map.of("code", incident.code()), List.of()));
        }
    }

    private void send(String to, String incidentId, String body) {
        SendResult r = messenger.send(new OutboundSms(to, body, incidentId));
        if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", incidentId, "to", to, "reason", r.failureReason());
    }

    private Member memberOf(Incident incident) {
        return incident.memberId() == null ? null : directory.members().get(incident.memberId()).orElse(null);
    }

    private static Place homeOf(Member member) {
        if (member == null) return null;
        return new Place(member.homeAddress(), member.location() == null ? null : member.location().lat(),
                member.location() == null ? null : member.location().lon());
    }

    private static String placeAddress(Incident incident) {
        return incident.location() == null ? null : incident.location().address();
    }

    private static String reporterActor(Reporter r) {
        return r.name() != null ? r.name() : r.phone() != null ? r.phone() : r.channel().wire();
    }

    private String timelineText(String key, Map<String, ?> args) {
        return Messages.text(config.defaultLanguage(), key, args);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    Optional<Incident> incident(String id) {
        return incidents.get(id);
    }
}
