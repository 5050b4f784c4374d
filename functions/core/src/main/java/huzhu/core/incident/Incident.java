package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.error.Conflict;
import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An emergency from trigger to close. Changes go through {@link #edit()}, whose steps keep the incident
 * consistent (a closed incident has no deadline and nothing left to send; an accepted one stands the others
 * down), and the store accepts the edited copy only if nobody else changed the incident since it was read
 * ({@code version}). {@code policy} is the snapshot taken when the incident opened; {@code repeats} counts
 * re-alerts of the last level; {@code exhausted} means the policy ran out with nobody answering and officers
 * must act (cleared when someone takes it in hand). {@code area} is the member's home district when it opened (null
 * for a stranger's); {@code surge} says it is handled as part of its district's {@link Surge} (set and cleared by
 * whoever starts and ends the surge).
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
        Area area,
        boolean surge,
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

    /**
     * A new incident, open at {@code level} (0 for a member's, the first leaders' level for a stranger's), before
     * anyone is alerted; version 0 until stored.
     */
    public static Builder opening(String id, String code, String memberId, IncidentType type, String message,
            Place location, Reporter reporter, Language language, Instant createdAt, EscalationPolicy policy,
            int level) {
        Builder b = new Builder();
        b.id = id;
        b.code = code;
        b.status = IncidentStatus.OPEN;
        b.memberId = memberId;
        b.type = type;
        b.message = message;
        b.location = location;
        b.reporter = reporter;
        b.language = language;
        b.createdAt = createdAt;
        b.policy = policy;
        b.level = level;
        return b;
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

    /**
     * Whether this person is one it counts on: they took it, or were alerted and may still answer (an alert
     * waiting for them, or still to be sent).
     */
    public boolean needs(String recipientId) {
        if (responder(recipientId).isPresent()) return true;
        return alertFor(recipientId).map(a -> a.status() == AlertStatus.SENT || a.status() == AlertStatus.ACCEPTED
                || a.pending()).orElse(false);
    }

    /** The officer who took it in hand at the console (its "acknowledged" timeline entry names them), if one did. */
    public Optional<String> officerInCharge() {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (OFFICER_TOOK_IT.equals(timeline.get(i).kind())) return Optional.ofNullable(timeline.get(i).actor());
        }
        return Optional.empty();
    }

    /** The timeline kind of an officer taking the incident in hand. */
    public static final String OFFICER_TOOK_IT = "acknowledged";

    /** Officers can act on it only while it is active: 409 otherwise. */
    public void requireActive() {
        if (!active()) throw new Conflict("incident_closed", "error.incidentClosed");
    }

    /** Whether its deadline is this level's {@code deadline}, to the millisecond (what every store keeps). */
    public boolean hasDeadline(int level, Instant deadline) {
        return this.level == level && nextEscalationAt != null && deadline != null
                && nextEscalationAt.toEpochMilli() == deadline.toEpochMilli();
    }

    /** Still open (nobody accepted) and its deadline has passed. */
    public boolean dueAt(Instant now) {
        return status == IncidentStatus.OPEN && nextEscalationAt != null && !nextEscalationAt.isAfter(now);
    }

    /**
     * Open, not exhausted, the current level alerted someone, and none of them is still waiting to answer or
     * accepted. (A level that alerted nobody, as a surge's summarized or queued ones, is waiting, not declined.)
     */
    public boolean everyoneDeclinedAtLevel() {
        return status == IncidentStatus.OPEN && !exhausted && alerts.stream().anyMatch(a -> a.level() == level)
                && alerts.stream().filter(a -> a.level() == level)
                        .noneMatch(a -> a.status().outstanding() || a.status() == AlertStatus.ACCEPTED);
    }

    /**
     * Open, not exhausted, the current level alerted someone, and every alert of it failed: nobody at this level
     * can be reached.
     */
    public boolean nobodyReachedAtLevel() {
        return status == IncidentStatus.OPEN && !exhausted && alerts.stream().anyMatch(a -> a.level() == level)
                && alerts.stream().filter(a -> a.level() == level).allMatch(a -> a.status() == AlertStatus.FAILED);
    }

    /** This version ran out of policy and {@code before} had not: officers hear of it from this one change. */
    public boolean exhaustedSince(Incident before) {
        return !before.exhausted && exhausted && status == IncidentStatus.OPEN;
    }

    public Builder edit() {
        return new Builder(this);
    }

    /** A working copy whose steps keep the incident consistent; {@link #build()} bumps the version by one. */
    public static final class Builder {
        private String id;
        private String code;
        private IncidentStatus status;
        private int level;
        private String memberId;
        private IncidentType type;
        private String message;
        private Place location;
        private Reporter reporter;
        private Language language;
        private Instant createdAt;
        private Instant acknowledgedAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private String outcome;
        private Instant nextEscalationAt;
        private EscalationPolicy policy;
        private int escalations;
        private int repeats;
        private boolean exhausted;
        private Area area;
        private boolean surge;
        private final List<Alert> alerts;
        private final List<Responder> responders;
        private final List<TimelineEntry> timeline;
        private final long version;

        private Builder() {
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
            area = i.area;
            surge = i.surge;
            alerts = new ArrayList<>(i.alerts);
            responders = new ArrayList<>(i.responders);
            timeline = new ArrayList<>(i.timeline);
            version = i.version + 1;
        }

        public String id() {
            return id;
        }

        public String memberId() {
            return memberId;
        }

        public int level() {
            return level;
        }

        public int repeats() {
            return repeats;
        }

        public EscalationPolicy policy() {
            return policy;
        }

        public Language language() {
            return language;
        }

        public Area area() {
            return area;
        }

        /** Handled as part of its district's surge. */
        public boolean surge() {
            return surge;
        }

        /** Where help is needed: the member's home district. */
        public Builder area(Area value) {
            area = value;
            return this;
        }

        /** Its district's surge began ({@code true}) or ended. */
        public Builder surge(boolean value) {
            surge = value;
            return this;
        }

        /** The alerts as edited so far. */
        public List<Alert> alerts() {
            return Collections.unmodifiableList(alerts);
        }

        /** What a person wrote (an officer's note), kept as written. */
        public Builder note(Instant at, String kind, String text, String actor) {
            timeline.add(new TimelineEntry(at, kind, text, actor));
            return this;
        }

        /** What the system says happened, in every language. */
        public Builder note(Instant at, String kind, TimelineText text, String actor) {
            timeline.add(new TimelineEntry(at, kind, text.text(), actor, null, text.texts()));
            return this;
        }

        /** A step a deadline caused, with the deadline kept beside the actual time {@code at}. */
        public Builder note(Instant at, String kind, TimelineText text, String actor, Instant deadline) {
            timeline.add(new TimelineEntry(at, kind, text.text(), actor, deadline, text.texts()));
            return this;
        }

        /** Replaces the alert to the same recipient, or adds it. */
        public Builder replaceAlert(Alert updated) {
            replaceOrAdd(alerts, updated, Alert::recipientId);
            return this;
        }

        /** Replaces the responder with the same recipient id, or adds them. */
        public Builder replaceResponder(Responder updated) {
            replaceOrAdd(responders, updated, Responder::recipientId);
            return this;
        }

        private static <T> void replaceOrAdd(List<T> list, T updated, Function<T, String> recipientId) {
            for (int i = 0; i < list.size(); i++) {
                if (recipientId.apply(list.get(i)).equals(recipientId.apply(updated))) {
                    list.set(i, updated);
                    return;
                }
            }
            list.add(updated);
        }

        /** When the current level runs out if nobody accepts. */
        public Builder deadline(Instant at) {
            nextEscalationAt = at;
            return this;
        }

        /** One level up the policy; the new level has not been re-alerted yet. */
        public Builder nextLevel() {
            level++;
            repeats = 0;
            escalations++;
            return this;
        }

        /** The last level once more. */
        public Builder repeatLastLevel() {
            repeats++;
            escalations++;
            return this;
        }

        /** The policy ran out: no more deadlines, officers must act by hand. */
        public Builder exhaust() {
            exhausted = true;
            nextEscalationAt = null;
            return this;
        }

        /** Somebody took it in hand: no more escalation; the first acknowledgement's time is kept. */
        public Builder acknowledge(Instant at) {
            status = IncidentStatus.ACKNOWLEDGED;
            if (acknowledgedAt == null) acknowledgedAt = at;
            nextEscalationAt = null;
            // the policy may have run out before someone answered: now someone has, nobody needs to act by hand
            exhausted = false;
            return this;
        }

        /**
         * {@code mine} accepted: the incident is acknowledged, they are its responder, every other alert still
         * waiting for an answer is stood down, and a failed one is no longer retried (someone is coming).
         * @return the alerts stood down, whose recipients should be told
         */
        public List<Alert> accept(Alert mine, Instant at) {
            return accept(mine, at, null);
        }

        /** As {@link #accept(Alert, Instant)}, with when they said they would be there (null: they did not say). */
        public List<Alert> accept(Alert mine, Instant at, Instant expectedAt) {
            acknowledge(at);
            replaceAlert(mine.withStatus(AlertStatus.ACCEPTED));
            replaceResponder(new Responder(mine.recipientId(), mine.name(), mine.to(), at, null, expectedAt));
            List<Alert> stoodDown = new ArrayList<>();
            for (Alert other : List.copyOf(alerts)) {
                if (other.recipientId().equals(mine.recipientId())) continue;
                if (other.status().outstanding()) {
                    replaceAlert(other.withStatus(AlertStatus.STOOD_DOWN));
                    stoodDown.add(other);
                } else if (other.pending()) {
                    replaceAlert(other.settled());
                }
            }
            return stoodDown;
        }

        /**
         * An officer hands the incident to {@code assigned} (someone they reached by phone): whoever had it is stood
         * down and no longer its responder, then {@code assigned} accepts as if they had answered their alert.
         * @return everyone to tell they need not go (the former responders, those still alerted)
         */
        public List<Alert> assign(Alert assigned, Instant at) {
            List<Alert> told = new ArrayList<>();
            for (Alert a : List.copyOf(alerts)) {
                if (a.status() == AlertStatus.ACCEPTED && !a.recipientId().equals(assigned.recipientId())) {
                    replaceAlert(a.withStatus(AlertStatus.STOOD_DOWN));
                    told.add(a);
                }
            }
            responders.removeIf(r -> !r.recipientId().equals(assigned.recipientId()));
            told.addAll(accept(assigned, at));
            return told;
        }

        /** An officer pages the current level again: the incident is no longer given up on. */
        public Builder repage() {
            exhausted = false;
            return this;
        }

        /**
         * Every alert still waiting for an answer is stood down.
         * @return those whose SMS went out, so their recipients should be told
         */
        public List<Alert> standDownUnanswered() {
            List<Alert> told = new ArrayList<>();
            for (Alert a : List.copyOf(alerts)) {
                if (a.status().outstanding()) {
                    replaceAlert(a.withStatus(AlertStatus.STOOD_DOWN));
                    if (a.sentAt() != null) told.add(a);
                }
            }
            return told;
        }

        /** Those who accepted are stood down too (a cancelled incident needs nobody). */
        public List<Alert> standDownResponders() {
            List<Alert> told = new ArrayList<>();
            for (Alert a : List.copyOf(alerts)) {
                if (a.status() == AlertStatus.ACCEPTED) {
                    replaceAlert(a.withStatus(AlertStatus.STOOD_DOWN));
                    told.add(a);
                }
            }
            return told;
        }

        /** Resolved or cancelled: nothing is left to send, no deadline, and the outcome is recorded. */
        public Builder close(IncidentStatus closed, Instant at, String outcome) {
            alerts.replaceAll(Alert::settled);
            status = closed;
            nextEscalationAt = null;
            closedAt = at;
            if (closed == IncidentStatus.RESOLVED) resolvedAt = at;
            this.outcome = outcome;
            return this;
        }

        public Incident build() {
            return new Incident(id, code, status, level, memberId, type, message, location, reporter, language,
                    createdAt, acknowledgedAt, resolvedAt, closedAt, outcome, nextEscalationAt, policy, escalations,
                    repeats, exhausted, area, surge, alerts, responders, TimelineBound.bounded(timeline, language),
                    version);
        }
    }
}
