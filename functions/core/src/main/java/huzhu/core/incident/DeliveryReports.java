package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.none;
import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.log.JsonLog;
import huzhu.core.sms.CarrierReport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The carriers' delivery reports for alerts: an alert reported on the phone becomes {@code delivered}; one reported
 * undeliverable becomes {@code failed} for good, and when that leaves nobody reachable at the incident's level it
 * moves on at once, as when every send of the level failed. Reports of other SMS, of closed incidents and
 * repeated reports change nothing.
 */
final class DeliveryReports {
    /** What one report did. */
    enum Outcome { UNKNOWN, UNCHANGED, DELIVERED, UNDELIVERABLE }

    private final IncidentChanges changes;
    private final IncidentStore incidents;
    private final Escalation escalation;
    private final Clock clock;
    private final IncidentTexts texts;

    DeliveryReports(IncidentChanges changes, IncidentStore incidents, Escalation escalation, Clock clock,
            IncidentTexts texts) {
        this.changes = changes;
        this.incidents = incidents;
        this.escalation = escalation;
        this.clock = clock;
        this.texts = texts;
    }

    /** @return per report, in order, what it did */
    List<Outcome> record(List<CarrierReport> reports) {
        List<Incident> active = reports.isEmpty() ? List.of() : incidents.active();
        return reports.stream().map(r -> record(r, active)).toList();
    }

    private Outcome record(CarrierReport report, List<Incident> active) {
        if (report.messageId() == null || report.messageId().isBlank()) return Outcome.UNKNOWN;
        Optional<Incident> holder = active.stream()
                .filter(i -> i.alerts().stream().anyMatch(a -> report.messageId().equals(a.messageId()))).findFirst();
        if (holder.isEmpty()) return Outcome.UNKNOWN;
        Instant now = clock.instant();
        record Change(Incident incident, Outcome outcome) {
        }
        Change change = changes.change(holder.get().id(), current -> {
            Alert alert = current.alerts().stream().filter(a -> report.messageId().equals(a.messageId())).findFirst()
                    .orElse(null);
            if (alert == null || !current.active()) return none(new Change(current, Outcome.UNCHANGED));
            Incident.Builder b = current.edit();
            if (report.delivered()) {
                if (alert.status() != AlertStatus.SENT) return none(new Change(current, Outcome.UNCHANGED));
                b.replaceAlert(alert.reportedDelivered());
                return write(b, updated -> new Change(updated, Outcome.DELIVERED));
            }
            if (!alert.status().outstanding()) return none(new Change(current, Outcome.UNCHANGED));
            String reason = "undeliverable (" + (report.code() == null ? "no code" : report.code()) + ")";
            b.replaceAlert(alert.reportedUndeliverable(reason));
            b.note(now, "undeliverable", texts.timeline("timeline.undeliverable", Map.of("name", alert.name(),
                    "reason", reason)), "system");
            return write(b, updated -> new Change(updated, Outcome.UNDELIVERABLE));
        });
        Incident updated = change.incident();
        if (change.outcome() == Outcome.UNDELIVERABLE) {
            JsonLog.warn("alert.undeliverable", "incidentId", updated.id(), "escalationLevel", updated.level(),
                    "reason", report.code());
            if (updated.nobodyReachedAtLevel()) {
                JsonLog.warn("alert.levelUnreachable", "incidentId", updated.id(), "escalationLevel", updated.level());
                escalation.moveOnNow(updated.id(), updated.version(), "timeline.levelUndeliverable");
            }
        }
        return change.outcome();
    }
}
