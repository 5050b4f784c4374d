package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.DependencyFailure;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Text;
import huzhu.core.sms.SendResult;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an officer does to an incident from the console: take it in hand, add a note, resolve or cancel it
 * (everyone still alerted is told to stand down, and the leaders' topics hear of it; taking it in hand tells the
 * family too).
 */
final class OfficerActions {
    private final IncidentChanges changes;
    private final Outbound out;
    private final LeaderNews news;
    private final Clock clock;
    private final IncidentTexts texts;
    private final Family family;

    OfficerActions(IncidentChanges changes, Outbound out, LeaderNews news, Clock clock, IncidentTexts texts,
            Family family) {
        this.changes = changes;
        this.family = family;
        this.out = out;
        this.news = news;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * The officer takes the incident in hand: nobody needs to be alerted any more, so those still alerted are told
     * to stand down, the family (the reporter and the member) hear that the union's officer has it, and then the
     * work group that it is in hand.
     */
    Incident acknowledge(String incidentId, String actor) {
        Instant now = clock.instant();
        List<Alert> standDown = new ArrayList<>();
        boolean[] tookIt = {false};
        Incident acknowledged = changes.change(incidentId, current -> {
            current.requireActive();
            standDown.clear();
            tookIt[0] = false;
            if (current.status() == IncidentStatus.ACKNOWLEDGED) return IncidentChanges.none(current);
            Incident.Builder b = current.edit().acknowledge(now);
            standDown.addAll(b.standDownUnanswered());
            b.note(now, Incident.OFFICER_TOOK_IT, texts.timeline("timeline.acknowledged", Map.of("actor", actor)), actor);
            tookIt[0] = true;
            return write(b);
        });
        if (!tookIt[0]) return acknowledged;
        JsonLog.info("incident.acknowledged", "incidentId", incidentId, "action", "acknowledge",
                "stoodDown", standDown.size());
        family.tell(acknowledged, (lang, stranger) -> texts.officerTookOver(lang, acknowledged, actor, stranger));
        List<OutboundSms> told = new ArrayList<>();
        for (Alert a : standDown) told.add(OutboundSms.onRecord(a.to(), texts.standDownForOfficer(a, acknowledged, actor), acknowledged.id()));
        out.sendAll(told);
        news.toLevelsReached(acknowledged, texts.topic("topic.acknowledged", Map.of("code", acknowledged.code(),
                "name", actor)));
        news.takenInHand(acknowledged);
        return acknowledged;
    }

    /**
     * The officer hands the incident to a named volunteer (reached by phone): the volunteer is its responder and
     * gets the address, the family hear who is coming, and whoever had it or is still alerted is told to stand down.
     */
    Incident assign(String incidentId, Volunteer volunteer, String actor) {
        Instant now = clock.instant();
        List<Alert> told = new ArrayList<>();
        boolean[] changed = {false};
        boolean[] firstHands = {false};
        Incident assigned = changes.change(incidentId, current -> {
            current.requireActive();
            told.clear();
            changed[0] = false;
            if (current.responder(volunteer.id()).isPresent()) return IncidentChanges.none(current);
            Alert mine = current.alertFor(volunteer.id()).orElseGet(() -> Alert.intent(volunteer.id(),
                    RecipientKind.VOLUNTEER, volunteer.name(), volunteer.phone(), volunteer.language(), current.level(),
                    now).delivered(null, now));
            boolean reassigned = !current.responders().isEmpty();
            firstHands[0] = !reassigned;
            Incident.Builder b = current.edit();
            told.addAll(b.assign(mine, now));
            b.note(now, "assigned", texts.timeline(reassigned ? "timeline.reassigned" : "timeline.assigned",
                    Map.of("actor", actor, "name", volunteer.name())), actor);
            changed[0] = true;
            return write(b);
        });
        if (!changed[0]) return assigned;
        Alert mine = assigned.alertFor(volunteer.id()).orElseThrow();
        JsonLog.info("incident.assigned", "incidentId", incidentId, "action", "assign", "recipientId", volunteer.id());
        out.sendOnRecord(mine.to(), assigned.id(), texts.acceptedResponder(mine, assigned, family.memberOf(assigned)));
        family.tell(assigned, (lang, stranger) -> texts.helpComing(lang, assigned, mine, stranger, null, now));
        List<OutboundSms> standDown = new ArrayList<>();
        for (Alert a : told) {
            if (a.sentAt() != null) standDown.add(OutboundSms.onRecord(a.to(), texts.reassigned(a, assigned, mine), assigned.id()));
        }
        out.sendAll(standDown);
        // the work group hears it is in hand (a reassignment is no news to them)
        if (firstHands[0]) news.accepted(assigned, family.memberOf(assigned));
        return assigned;
    }

    /**
     * An SMS from the officer to the reporter, the member or one of the family (no other number: the console is no
     * SMS gateway). Their answer comes back to the timeline as any message of theirs does.
     */
    Incident message(String incidentId, String to, String text, String actor) {
        Incident current = changes.get(incidentId);
        current.requireActive();
        Member member = family.memberOf(current);
        boolean known = to.equals(current.reporter().phone()) || member != null && (to.equals(member.phone())
                || member.hasFamilyPhone(to));
        if (!known) throw Invalid.of("to", "invalid.choice");
        Language lang = member != null ? member.language() : current.language();
        SendResult sent = out.sendChecked(to, current.id(), texts.officerMessage(lang, current, actor, text));
        if (!sent.ok()) throw new DependencyFailure("the SMS to the family failed: " + sent.failureReason(), null);
        return changes.note(incidentId, clock.instant(), "messaged",
                texts.timeline("timeline.messaged", Map.of("actor", actor, "to", to, "text", text)), actor);
    }

    Incident addNote(String incidentId, String text, String actor) {
        Instant now = clock.instant();
        return changes.change(incidentId, current -> write(current.edit().note(now, "note", text, actor)));
    }

    /** A line of the system's, in every language (the console shows the reader's). */
    Incident addNote(String incidentId, TimelineText text, String actor) {
        return changes.note(incidentId, clock.instant(), "note", text, actor);
    }

    Incident resolve(String incidentId, String outcome, String notes, String actor) {
        Instant now = clock.instant();
        Closed closed = close(incidentId, false, b -> {
            b.close(IncidentStatus.RESOLVED, now, outcome);
            b.note(now, "resolved", texts.timeline("timeline.resolved",
                    Map.of("outcome", IncidentTexts.orEmpty(outcome))), actor);
            if (!Text.blank(notes)) b.note(now, "note", notes, actor);
        });
        Incident resolved = closed.incident();
        JsonLog.info("incident.resolved", "incidentId", incidentId, "action", "resolve");
        news.toLevelsReached(resolved, texts.topic("topic.resolved", Map.of("code", resolved.code(),
                "outcome", IncidentTexts.orEmpty(outcome))));
        for (Alert a : closed.told()) out.sendOnRecord(a.to(), resolved.id(), texts.closed(a, resolved));
        news.resolved(resolved);
        return resolved;
    }

    Incident cancel(String incidentId, String reason, String actor) {
        Instant now = clock.instant();
        Closed closed = close(incidentId, true, b -> {
            b.close(IncidentStatus.CANCELLED, now, reason);
            b.note(now, "cancelled", texts.timeline("timeline.cancelled",
                    Map.of("reason", IncidentTexts.orEmpty(reason))), actor);
        });
        Incident cancelled = closed.incident();
        List<Alert> told = closed.told();
        JsonLog.info("incident.cancelled", "incidentId", incidentId, "action", "cancel", "stoodDown", told.size());
        news.toLevelsReached(cancelled, texts.topic("topic.cancelled", Map.of("code", cancelled.code(),
                "reason", IncidentTexts.orEmpty(reason))));
        for (Alert a : told) out.sendOnRecord(a.to(), cancelled.id(), texts.cancelled(a, cancelled, reason));
        news.cancelled(cancelled);
        return cancelled;
    }

    /** An incident as closed, and the alerted (and, on cancel, the responders) who are to be told to stand down. */
    private record Closed(Incident incident, List<Alert> told) {
    }

    /**
     * Closes the active incident as {@code closing} says, standing down everyone alerted who has not answered, and
     * its responders too when {@code respondersToo}.
     */
    private Closed close(String incidentId, boolean respondersToo, Consumer<Incident.Builder> closing) {
        return changes.change(incidentId, current -> {
            current.requireActive();
            Incident.Builder b = current.edit();
            List<Alert> told = new ArrayList<>(b.standDownUnanswered());
            if (respondersToo) told.addAll(b.standDownResponders());
            closing.accept(b);
            return write(b, written -> new Closed(written, told));
        });
    }
}
