package huzhu.console;

import huzhu.core.incident.Alert;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Place;
import huzhu.core.incident.RecipientKind;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.Responder;
import huzhu.core.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the console sees it (CONTRACT §3). Leaves out what only the system may hold: each
 * alert's ack token (it lets its holder act as that person) and the policy snapshot. {@code needsAttention}: the
 * policy ran out and nobody has it (never once someone accepted or an officer took it); {@code officerInCharge}:
 * the officer who took it at the console.
 */
public record IncidentView(
        String id,
        String code,
        IncidentStatus status,
        int level,
        String memberId,
        IncidentType type,
        String message,
        Place location,
        Reporter reporter,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant closedAt,
        String outcome,
        Instant nextEscalationAt,
        int escalations,
        boolean needsAttention,
        String officerInCharge,
        List<AlertView> alerts,
        List<Responder> responders,
        List<TimelineEntry> timeline) {

    public record AlertView(String recipientId, RecipientKind recipientKind, String name, String to, int level,
            Instant sentAt, AlertStatus status, String failureReason) {
    }

    public static IncidentView of(Incident i) {
        return new IncidentView(i.id(), i.code(), i.status(), i.level(), i.memberId(), i.type(), i.message(),
                i.location(), i.reporter(), i.createdAt(), i.acknowledgedAt(), i.resolvedAt(), i.closedAt(),
                i.outcome(), i.nextEscalationAt(), i.escalations(), i.status() == IncidentStatus.OPEN && i.exhausted(),
                i.officerInCharge().orElse(null),
                i.alerts().stream().map(IncidentView::alert).toList(), i.responders(), i.timeline());
    }

    private static AlertView alert(Alert a) {
        return new AlertView(a.recipientId(), a.recipientKind(), a.name(), a.to(), a.level(), a.sentAt(), a.status(),
                a.failureReason());
    }
}
