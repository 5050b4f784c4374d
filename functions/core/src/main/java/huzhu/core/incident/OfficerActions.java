package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.kernel.Text;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an officer does to an incident from the console: take it in hand, add a note, resolve or cancel it
 * (everyone still alerted is told to stand down, and the leaders' topics hear of it).
 */
final class OfficerActions {
    private final IncidentChanges changes;
    private final Outbound out;
    private final LeaderNews news;
    private final Clock clock;
    private final IncidentTexts texts;

    OfficerActions(IncidentChanges changes, Outbound out, LeaderNews news, Clock clock, IncidentTexts texts) {
        this.changes = changes;
        this.out = out;
        this.news = news;
        this.clock = clock;
        this.texts = texts;
    }

    Incident acknowledge(String incidentId, String actor) {
        Instant now = clock.instant();
        return changes.change(incidentId, current -> {
            current.requireActive();
            if (current.status() == IncidentStatus.ACKNOWLEDGED) return IncidentChanges.none(current);
            Incident.Builder b = current.edit().acknowledge(now);
            b.note(now, "acknowledged", texts.timeline("timeline.acknowledged", Map.of("actor", actor)), actor);
            return write(b);
        });
    }

    Incident addNote(String incidentId, String text, String actor) {
        Instant now = clock.instant();
        return changes.change(incidentId, current -> write(current.edit().note(now, "note", text, actor)));
    }

    Incident resolve(String incidentId, String outcome, String notes, String actor) {
        Instant now = clock.instant();
        List<Alert> standDown = new ArrayList<>();
        Incident resolved = changes.change(incidentId, current -> {
            current.requireActive();
            standDown.clear();
            Incident.Builder b = current.edit();
            standDown.addAll(b.standDownUnanswered());
            b.close(IncidentStatus.RESOLVED, now, outcome);
            b.note(now, "resolved", texts.timeline("timeline.resolved",
                    Map.of("outcome", IncidentTexts.orEmpty(outcome))), actor);
            if (!Text.blank(notes)) b.note(now, "note", notes, actor);
            return write(b);
        });
        JsonLog.info("incident.resolved", "incidentId", incidentId, "action", "resolve");
        news.toLevelsReached(resolved, texts.timeline("topic.resolved", Map.of("code", resolved.code(),
                "outcome", IncidentTexts.orEmpty(outcome))));
        for (Alert a : standDown) out.send(a.to(), resolved.id(), texts.closed(a, resolved));
        news.resolved(resolved);
        return resolved;
    }

    Incident cancel(String incidentId, String reason, String actor) {
        Instant now = clock.instant();
        List<Alert> told = new ArrayList<>();
        Incident cancelled = changes.change(incidentId, current -> {
            current.requireActive();
            told.clear();
            Incident.Builder b = current.edit();
            told.addAll(b.standDownUnanswered());
            told.addAll(b.standDownResponders());
            b.close(IncidentStatus.CANCELLED, now, reason);
            b.note(now, "cancelled", texts.timeline("timeline.cancelled",
                    Map.of("reason", IncidentTexts.orEmpty(reason))), actor);
            return write(b);
        });
        JsonLog.info("incident.cancelled", "incidentId", incidentId, "action", "cancel", "stoodDown", told.size());
        news.toLevelsReached(cancelled, texts.timeline("topic.cancelled", Map.of("code", cancelled.code(),
                "reason", IncidentTexts.orEmpty(reason))));
        for (Alert a : told) out.send(a.to(), cancelled.id(), texts.cancelled(a, cancelled, reason));
        news.cancelled(cancelled);
        return cancelled;
    }
}
