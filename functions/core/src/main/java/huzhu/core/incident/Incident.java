package huzhu.core.incident;

import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An emergency from trigger to close. Changes go through {@link #edit()}, and the store accepts the
 * edited copy only if nobody else changed the incident since it was read ({@code version}).
 * {@code policy} is the snapshot taken when the incident opened; {@code repeats} counts re-alerts of the
 * last level; {@code exhausted} means the policy ran out and officers must act.
 */
public record Incident(
        String id,
        String code,
        IncidentStatus status,
        int level,
        String memberId,
        IncidentType type,
        String message,
        Place location,
        Reporter reporter,
        Language language,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant closedAt,
        String outcome,
        Instant nextEscalationAt,
        EscalationPolicy policy,
        int escalations,
        int repeats,
        boolean exhausted,
        List<Alert> alerts,
        List<Responder> responders,
        List<TimelineEntry> timeline,
        long version) {

    public Incident {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        responders = responders == null ? List.of() : List.copyOf(responders);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        language = language == null ? Language.DEFAULT : language;
    }

    public boolean active() {
        return status.active();
    }

    public Optional<Alert> alertFor(String recipientId) {
        return alerts.stream().filter(a -> a.recipientId().equals(recipientId)).findFirst();
    }

    public Optional<Responder> responder(String recipientId) {
        return responders.stream().filter(r -> r.recipientId().equals(recipientId)).findFirst();
    }

    public Builder edit() {
        return new Builder(this);
    }

    /** A mutable working copy; {@link #build()} bumps the version by one. */
    public static final class Builder {
        public String id;
        public String code;
        public IncidentStatus status;
        public int level;
        public String memberId;
        public IncidentType type;
        public String message;
        public Place location;
        public Reporter reporter;
        public Language language;
        public Instant createdAt;
        public Instant acknowledgedAt;
        public Instant resolvedAt;
        public Instant closedAt;
        public String outcome;
        public Instant nextEscalationAt;
        public EscalationPolicy policy;
        public int escalations;
        public int repeats;
        public boolean exhausted;
        public final List<Alert> alerts;
        public final List<Responder> responders;
        public final List<TimelineEntry> timeline;
        private final long version;

        public Builder() {
            alerts = new ArrayList<>();
            responders = new ArrayList<>();
            timeline = new ArrayList<>();
            version = 0;
        }

        private Builder(Incident i) {
            id = i.id;
            code = i.code;
            status = i.status;
            level = i.level;
            memberId = i.memberId;
            type = i.type;
            message = i.message;
            location = i.location;
            reporter = i.reporter;
            language = i.language;
            createdAt = i.createdAt;
            acknowledgedAt = i.acknowledgedAt;
            resolvedAt = i.resolvedAt;
            closedAt = i.closedAt;
            outcome = i.outcome;
            nextEscalationAt = i.nextEscalationAt;
            policy = i.policy;
            escalations = i.escalations;
            repeats = i.repeats;
            exhausted = i.exhausted;
            alerts = new ArrayList<>(i.alerts);
            responders = new ArrayList<>(i.responders);
            timeline = new ArrayList<>(i.timeline);
            version = i.version + 1;
        }

        public Builder note(Instant at, String kind, String text, String actor) {
            timeline.add(new TimelineEntry(at, kind, text, actor));
            return this;
        }

        /** A step a deadline caused, with the deadline kept beside the actual time {@code at}. */
        public Builder note(Instant at, String kind, String text, String actor, Instant deadline) {
            timeline.add(new TimelineEntry(at, kind, text, actor, deadline));
            return this;
        }

        public void replaceAlert(Alert updated) {
            for (int i = 0; i < alerts.size(); i++) {
                if (alerts.get(i).recipientId().equals(updated.recipientId())) {
                    alerts.set(i, updated);
                    return;
                }
            }
            alerts.add(updated);
        }

        public void replaceResponder(Responder updated) {
            for (int i = 0; i < responders.size(); i++) {
                if (responders.get(i).recipientId().equals(updated.recipientId())) {
                    responders.set(i, updated);
                    return;
                }
            }
            responders.add(updated);
        }

        public Incident build() {
            return new Incident(id, code, status, level, memberId, type, message, location, reporter, language,
                    createdAt, acknowledgedAt, resolvedAt, closedAt, outcome, nextEscalationAt, policy, escalations,
                    repeats, exhausted, alerts, responders, timeline, version);
        }
    }
}
