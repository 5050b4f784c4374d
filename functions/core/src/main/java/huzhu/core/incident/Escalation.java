package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.none;
import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.error.Conflict;
import huzhu.core.incident.AlertDelivery.Planned;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Moving incidents along their policy: at a deadline (the per-deadline timer, the minute sweep), at once when a
 * level cannot be reached or everyone declined, or when an officer asks; and the outbox's retries. Every step is
 * planned in the conditional write that takes it, so exactly one writer sends its alerts; a stale or duplicate
 * timer finds the deadline moved and does nothing.
 */
final class Escalation {
    private final IncidentChanges changes;
    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final SettingsStore settings;
    private final LevelPlanner planner;
    private final AlertDelivery delivery;
    private final EscalationTimer timer;
    private final Clock clock;
    private final IncidentTexts texts;
    private final LeaderNews news;

    Escalation(IncidentChanges changes, IncidentStore incidents, DirectoryStore directory, SettingsStore settings,
            LevelPlanner planner, AlertDelivery delivery, EscalationTimer timer, Clock clock, IncidentTexts texts,
            LeaderNews news) {
        this.changes = changes;
        this.incidents = incidents;
        this.directory = directory;
        this.settings = settings;
        this.planner = planner;
        this.delivery = delivery;
        this.timer = timer;
        this.clock = clock;
        this.texts = texts;
        this.news = news;
    }

    /** Sends what a write planned; a level nobody could be reached at moves on at once. */
    Incident deliver(Planned planned, List<OutboundSms> first, Member knownMember, boolean justCreated) {
        AlertDelivery.Delivered d = delivery.deliver(planned, first, knownMember, justCreated);
        if (!d.unreachable()) return d.incident();
        return moveOnNow(d.incident().id(), d.incident().version(), "timeline.noRecipients");
    }

    Incident deliver(Planned planned) {
        return deliver(planned, List.of(), null, false);
    }

    /** Plans (unless planned before) and sends one level; what a retried open finishes. */
    Incident alertLevel(String id, int level, Instant now, Incident known, List<OutboundSms> first) {
        Planned planned = changes.change(id, known, current -> {
            // exhausted: the retried request planned it (to nobody) already
            if (!current.active() || current.level() != level || current.exhausted()) {
                return none(new Planned(current, List.of()));
            }
            if (current.alerts().stream().anyMatch(a -> a.level() == level)) {
                // planned before (a retried request): send what is still unsent
                return none(new Planned(current, current.alerts().stream()
                        .filter(a -> a.level() == level && a.status() == AlertStatus.SENT && a.sentAt() == null)
                        .toList()));
            }
            Incident.Builder b = current.edit();
            List<Alert> intents = planner.plan(b, level, now, people());
            return write(b, updated -> new Planned(updated, intents));
        });
        return deliver(planned, first, null, false);
    }

    /**
     * The scheduled check: escalates every active incident whose deadline has passed, then sends again every
     * alert whose send was lost or failed for a while (the outbox). One incident that fails does not hold up
     * the others; the first failure is rethrown at the end, so the invocation is retried.
     */
    int escalateDue() {
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
     * The outbox: alerts whose intent is older than {@link LevelPlanner#SEND_LEASE} with no result recorded (the
     * sender died between the write and the send, or between the send and recording it), and transient failures
     * whose back-off has passed. Each is claimed by a conditional write before it is sent, so two sweeps never
     * send the same retry; a send whose result is lost is sent again (at least once).
     * @return how many alerts were sent again
     */
    int resendDue() {
        Instant now = clock.instant();
        int resent = 0;
        RuntimeException first = null;
        for (Incident incident : incidents.active()) {
            if (incident.alerts().stream().noneMatch(a -> a.retryDue(now))) continue;
            try {
                Planned claimed = delivery.claimRetries(incident.id(), now);
                if (claimed.intents().isEmpty()) continue;
                JsonLog.info("alert.resend", "incidentId", incident.id(), "escalationLevel",
                        claimed.incident().level(), "count", claimed.intents().size());
                deliver(claimed);
                resent += claimed.intents().size();
            } catch (RuntimeException e) {
                JsonLog.error("alert.resendFailed", e, "incidentId", incident.id(), "escalationLevel", incident.level());
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return resent;
    }

    /**
     * Moves the incident one step if, and only if, it is still open and its deadline has passed; with
     * {@code expectedLevel}, only for the deadline a timer was set for.
     */
    boolean escalate(String incidentId, Integer expectedLevel, Instant expectedDeadline, String source) {
        Instant now = clock.instant();
        int[] moved = {-1};
        Planned planned = changes.change(incidentId, current -> {
            if (!current.dueAt(now)
                    || (expectedLevel != null && !current.hasDeadline(expectedLevel, expectedDeadline))) {
                return none(new Planned(current, null));
            }
            Incident.Builder b = current.edit();
            moved[0] = current.level();
            Instant deadline = current.nextEscalationAt();
            List<Alert> intents = planner.stepUp(b, now, deadline, people());
            return write(b, updated -> {
                logLateness(updated, deadline, now, source);
                return new Planned(updated, intents);
            });
        });
        if (planned.intents() == null) return false;
        steppedUp(planned.incident(), moved);
        deliver(planned);
        return true;
    }

    /** A per-deadline timer fired for (incident, level, deadline). */
    Dispatcher.Wake onTimer(String incidentId, int level, Instant deadline) {
        Incident current = incidents.get(incidentId).orElse(null);
        if (current == null || current.status() != IncidentStatus.OPEN || !current.hasDeadline(level, deadline)) {
            return Dispatcher.Wake.STALE;
        }
        if (clock.instant().isBefore(deadline)) {
            timer.schedule(incidentId, level, deadline);
            return Dispatcher.Wake.REARMED;
        }
        return escalate(incidentId, level, deadline, "timer") ? Dispatcher.Wake.ESCALATED : Dispatcher.Wake.STALE;
    }

    /** An officer moves the incident to the next level now. */
    Incident escalateNow(String incidentId, String actor) {
        Instant now = clock.instant();
        int[] moved = {-1};
        Planned planned = changes.change(incidentId, current -> {
            current.requireActive();
            if (current.exhausted()) throw new Conflict("policy_exhausted", "error.policyExhausted");
            Incident.Builder b = current.edit();
            moved[0] = current.level();
            List<Alert> intents = planner.stepUp(b, now, null, people());
            b.note(now, "escalated", texts.timeline("timeline.escalatedByOfficer", Map.of("level", IncidentTexts.level(b.level()))),
                    actor);
            return write(b, updated -> new Planned(updated, intents));
        });
        steppedUp(planned.incident(), moved);
        return deliver(planned);
    }

    /**
     * An officer pages the current level again (nobody answered, or phones were off): its people are alerted anew,
     * those the level would reach now besides, and its deadline starts again; a given-up incident is revived.
     */
    Incident repageNow(String incidentId, String actor) {
        Instant now = clock.instant();
        Planned planned = changes.change(incidentId, current -> {
            current.requireActive();
            if (current.status() != IncidentStatus.OPEN) throw new Conflict("already_taken", "error.alreadyTaken");
            Incident.Builder b = current.edit().repage();
            b.note(now, "repaged", texts.timeline("timeline.repaged", Map.of("actor", actor,
                    "level", IncidentTexts.level(current.level()))), actor);
            List<Alert> intents = planner.plan(b, current.level(), now, people());
            return write(b, updated -> new Planned(updated, intents));
        });
        return deliver(planned);
    }

    /** Escalates immediately (all failed or all declined), guarded by the version we decided on. */
    Incident moveOnNow(String incidentId, long seenVersion, String reasonKey) {
        Instant now = clock.instant();
        int[] moved = {-1};
        Planned planned = changes.change(incidentId, current -> {
            if (current.version() != seenVersion || current.status() != IncidentStatus.OPEN || current.exhausted()) {
                moved[0] = -1;
                return none(new Planned(current, List.of()));
            }
            Incident.Builder b = current.edit();
            moved[0] = current.level();
            b.note(now, "move-on", texts.timeline(reasonKey, Map.of("level", IncidentTexts.level(current.level()))), "system");
            List<Alert> intents = planner.stepUp(b, now, null, people());
            return write(b, updated -> new Planned(updated, intents));
        });
        steppedUp(planned.incident(), moved);
        return deliver(planned);
    }

    /** The groups hear of a step to another level (a repeat of the last level is no news). */
    private void steppedUp(Incident incident, int[] from) {
        if (from[0] >= 0 && incident.level() != from[0]) news.escalated(incident);
    }

    private LevelPlanner.People people() {
        return StoredPeople.of(directory, incidents, settings);
    }

    private static void logLateness(Incident escalated, Instant deadline, Instant now, String source) {
        JsonLog.metric("incident.escalated", "EscalationLatenessMs", "Milliseconds",
                now.toEpochMilli() - deadline.toEpochMilli(), List.of("source"),
                "incidentId", escalated.id(), "escalationLevel", escalated.level(), "action", "escalate",
                "source", source, "deadline", deadline.toString(), "exhausted", escalated.exhausted());
    }
}
