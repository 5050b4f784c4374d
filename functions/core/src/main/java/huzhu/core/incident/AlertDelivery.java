package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the alerts a write planned and records each result on the incident: the outbox. Sending is at least
 * once: the intents were written before the SMS go out, a send whose result is not recorded is claimed and sent
 * again by the sweep ({@link Escalation#resendDue()}), and a transient failure is retried with a growing back-off
 * until it has failed {@link #MAX_SEND_ATTEMPTS} times.
 */
final class AlertDelivery {
    /** Sends of one alert before a transient failure counts as permanent. */
    static final int MAX_SEND_ATTEMPTS = 5;

    private final IncidentChanges changes;
    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final Outbound out;
    private final EscalationTimer timer;
    private final Clock clock;
    private final IncidentTexts texts;
    private final LeaderNews news;

    AlertDelivery(IncidentChanges changes, IncidentStore incidents, DirectoryStore directory, Outbound out,
            EscalationTimer timer, Clock clock, IncidentTexts texts, LeaderNews news) {
        this.changes = changes;
        this.incidents = incidents;
        this.directory = directory;
        this.out = out;
        this.timer = timer;
        this.clock = clock;
        this.texts = texts;
        this.news = news;
    }

    /** The incident as a write left it, and the alerts that write planned (null or empty: none). */
    record Planned(Incident incident, List<Alert> intents) {
    }

    /** What sending came to; {@code unreachable}: every alert of the level failed, it should move on at once. */
    record Delivered(Incident incident, boolean unreachable) {
    }

    /**
     * {@code first} goes out at the head of the alerts' batch; {@code knownMember} spares reading the member.
     * {@code justCreated}: the incident was written a moment ago by this call and nobody has been alerted yet,
     * so nobody can have taken it — the re-read below would only cost a round trip before the first alerts.
     * The level's timer is set for its deadline while the alerts go out (for a level nobody could be reached at
     * too: it wakes to a level moved on and does nothing).
     */
    Delivered deliver(Planned planned, List<OutboundSms> first, Member knownMember, boolean justCreated) {
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
            if (!first.isEmpty()) out.sendFirst(first, List.of());
            scheduleTimer(incident);
            return new Delivered(incident, false);
        }
        Member member = incident.memberId() == null ? null
                : knownMember != null && knownMember.id().equals(incident.memberId()) ? knownMember
                : directory.members().get(incident.memberId()).orElse(null);
        List<OutboundSms> messages = new ArrayList<>(intents.size());
        for (Alert a : intents) messages.add(OutboundSms.onRecord(a.to(), texts.alert(incident, member, a), incident.id()));
        // the level's deadline is the write's: its timer goes out beside the alerts, not a round trip after them. One
        // that wakes to a level moved on (taken meanwhile, or nobody reached and the next level alerted) does nothing
        Incident alerting = incident;
        Pending<Void> timerSet = ReadAhead.beside(() -> {
            scheduleTimer(alerting);
            return null;
        });
        Incident recorded;
        try {
            List<SendResult> sent = out.sendFirst(first, messages);
            Map<String, SendResult> results = new LinkedHashMap<>();
            for (int i = 0; i < intents.size(); i++) {
                Alert a = intents.get(i);
                SendResult r = sent.get(i);
                results.put(a.recipientId(), r);
                if (!r.ok()) {
                    JsonLog.warn("alert.failed", "incidentId", incident.id(), "escalationLevel", a.level(), "to",
                            a.to(), "reason", r.failureReason(), "permanent", r.permanent());
                }
            }
            recorded = record(incident, results);
        } finally {
            // awaited whatever happened to the sends: never left running when the function freezes, never unrun
            awaitTimer(timerSet, alerting);
        }
        news.levelAlerted(recorded, member);
        if (recorded.nobodyReachedAtLevel()) {
            JsonLog.warn("alert.levelUnreachable", "incidentId", recorded.id(), "escalationLevel", recorded.level());
            return new Delivered(recorded, true);
        }
        return new Delivered(recorded, false);
    }

    /**
     * Records the send results, starting from what was read just before sending: if anyone wrote since, the
     * conditional write fails and the results are recorded on a fresh read.
     */
    private Incident record(Incident incident, Map<String, SendResult> results) {
        Instant now = clock.instant();
        return changes.change(incident.id(), incident, current -> {
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
                    b.note(now, "send-failed", texts.timeline(giveUp ? "timeline.sendFailedFinal" : "timeline.sendFailed",
                            Map.of("name", a.name(), "reason", String.valueOf(r.failureReason()),
                                    "attempts", a.attempts())), "system");
                }
            }
            return write(b);
        });
    }

    /**
     * Claims every alert whose send is due again (lost intent, transient failure past its back-off), so that
     * two sweeps never send the same retry.
     */
    Planned claimRetries(String incidentId, Instant now) {
        return changes.change(incidentId, current -> {
            if (!current.active()) return IncidentChanges.none(new Planned(current, List.of()));
            Incident.Builder b = current.edit();
            List<Alert> claimed = new ArrayList<>();
            for (Alert a : current.alerts()) {
                if (!a.retryDue(now)) continue;
                Alert again = a.claimed(now.plus(LevelPlanner.SEND_LEASE));
                b.replaceAlert(again);
                claimed.add(again);
            }
            if (claimed.isEmpty()) return IncidentChanges.none(new Planned(current, List.of()));
            return write(b, updated -> new Planned(updated, claimed));
        });
    }

    /** 30 s, 1 min, 2 min, 4 min…: a throttled or briefly failing SMS service gets room to recover. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(30L << Math.min(Math.max(attempts - 1, 0), 6));
    }

    /** Like {@link #scheduleTimer}, a timer that could not be set (nor waited for) does not fail the alert path. */
    private static void awaitTimer(Pending<Void> timerSet, Incident incident) {
        try {
            timerSet.get();
        } catch (RuntimeException e) {
            JsonLog.error("timer.scheduleFailed", e, "incidentId", incident.id(), "escalationLevel", incident.level());
        }
    }

    void scheduleTimer(Incident incident) {
        if (incident.status() == IncidentStatus.OPEN && incident.nextEscalationAt() != null) {
            try {
                timer.schedule(incident.id(), incident.level(), incident.nextEscalationAt());
            } catch (RuntimeException e) {
                // the sweep still catches it; a lost timer must not fail the alert path
                JsonLog.error("timer.scheduleFailed", e, "incidentId", incident.id(), "escalationLevel", incident.level());
            }
        }
    }
}
