package huzhu.core.incident;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.Language;
import huzhu.core.log.JsonLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which level an incident is at and whom that level alerts: the steps along the policy (next level, a repeat of
 * the last, exhausted) and the choice of recipients, decided on the people it is given, with no store and no
 * SMS. The intents to alert are recorded on the incident (alerts without {@code sentAt}) in the same write that
 * sets the level, so exactly one writer sends them.
 */
final class LevelPlanner {
    /** How long a send may take before its intent counts as lost (the process died) and is sent again. */
    static final Duration SEND_LEASE = Duration.ofSeconds(20);

    /** The people a level may reach. */
    interface People {
        List<Leader> leadersAtLevel(int level);

        /** null when the member is gone */
        Member member(String memberId);

        List<Volunteer> volunteersInCity(String city);

        /** The active incidents, whose alerts and responders spread the load among volunteers. */
        List<Incident> active();

        /** Those of {@code leaders} the duty roster has on duty at {@code at}; none without a roster. */
        default List<Leader> onDuty(List<Leader> leaders, Instant at) {
            return List.of();
        }
    }

    private final IncidentTexts texts;

    LevelPlanner(IncidentTexts texts) {
        this.texts = texts;
    }

    /**
     * Decides who this level alerts and records the intent to alert them; a level that reaches nobody moves on
     * at once. Also sets the level's deadline.
     * @return the intents to send
     */
    List<Alert> plan(Incident.Builder b, int level, Instant now, People people) {
        if (b.surge()) return planInSurge(b, level, now, people);
        PolicyLevel step = b.policy().level(level);
        List<Alert> intents = new ArrayList<>();
        for (Alert recipient : recipients(b, step, now, people)) {
            Alert existing = b.alerts().stream().filter(a -> a.recipientId().equals(recipient.recipientId()))
                    .findFirst().orElse(null);
            if (existing == null) {
                b.replaceAlert(recipient);
                intents.add(recipient);
            } else if (existing.status().outstanding() || existing.status() == AlertStatus.FAILED) {
                Alert again = existing.again(level, now.plus(SEND_LEASE));
                b.replaceAlert(again);
                intents.add(again);
            }
        }
        b.deadline(now.plusSeconds(step.timeoutSeconds()));
        if (intents.isEmpty()) {
            b.note(now, "no-recipients", texts.timeline("timeline.noRecipients", Map.of("level", IncidentTexts.level(level))), "system");
            return stepUp(b, now, null, people);
        }
        b.note(now, "alerted", texts.timeline("timeline.alerted", Map.of("level", IncidentTexts.level(level), "count", intents.size())),
                "system");
        return intents;
    }

    /**
     * A level of an incident whose district is in surge ({@link SurgeOffers}): a leaders' level hears of it in the
     * district's summary instead of an SMS of its own; the volunteers' level offers it to the one nearby volunteer
     * with a free place, or it waits in the district's queue for one. Either way the level keeps its deadline: with
     * everyone busy there is nothing to gain by moving on at once.
     */
    private List<Alert> planInSurge(Incident.Builder b, int level, Instant now, People people) {
        PolicyLevel step = b.policy().level(level);
        b.deadline(now.plusSeconds(step.timeoutSeconds()));
        if (step.audience() == Notify.LEADERS) {
            b.note(now, "summarized", texts.timeline("timeline.surgeSummarized", Map.of("level", level)), "system");
            return List.of();
        }
        Member member = b.memberId() == null ? null : people.member(b.memberId());
        Volunteer chosen = member == null || member.homeArea() == null ? null
                : SurgeOffers.volunteerFor(member.homeArea(), member.location(),
                        people.volunteersInCity(member.homeCity()), SurgeOffers.busy(people.active()),
                        b.alerts().stream().map(Alert::recipientId).collect(Collectors.toSet())).orElse(null);
        if (chosen == null) {
            b.note(now, "queued", texts.timeline("timeline.surgeQueued", Map.of("level", level)), "system");
            return List.of();
        }
        Alert offer = newAlert(chosen.id(), RecipientKind.VOLUNTEER, chosen.name(), chosen.phone(), chosen.language(),
                level, now);
        b.replaceAlert(offer);
        b.note(now, "alerted", texts.timeline("timeline.alerted", Map.of("level", level, "count", 1)), "system");
        return List.of(offer);
    }

    /**
     * One step along the policy: next level, a repeat of the last, or exhausted. {@code deadline}: the deadline
     * that caused it (kept on the timeline beside the actual time), null when a person or a failure did.
     */
    List<Alert> stepUp(Incident.Builder b, Instant now, Instant deadline, People people) {
        EscalationPolicy policy = b.policy();
        int last = policy.lastLevel();
        if (b.level() < last) {
            b.nextLevel();
            if (deadline != null) {
                b.note(now, "escalated", texts.timeline("timeline.escalated", Map.of("level", IncidentTexts.level(b.level()),
                        "deadline", texts.clockTime(deadline), "actual", texts.clockTime(now))), "system", deadline);
            }
            return plan(b, b.level(), now, people);
        }
        if (b.repeats() < policy.level(last).repeatOrZero()) {
            b.repeatLastLevel();
            if (deadline != null) {
                b.note(now, "repeated", texts.timeline("timeline.repeatedAtDeadline", Map.of("repeat", b.repeats(),
                        "deadline", texts.clockTime(deadline), "actual", texts.clockTime(now))), "system", deadline);
            } else {
                b.note(now, "repeated", texts.timeline("timeline.repeated", Map.of("repeat", b.repeats())), "system");
            }
            return plan(b, last, now, people);
        }
        b.exhaust();
        if (deadline != null) {
            b.note(now, "exhausted", texts.timeline("timeline.exhaustedAtDeadline", Map.of(
                    "deadline", texts.clockTime(deadline), "actual", texts.clockTime(now))), "system", deadline);
        } else {
            b.note(now, "exhausted", texts.timeline("timeline.exhausted", Map.of()), "system");
        }
        JsonLog.warn("incident.exhausted", "incidentId", b.id(), "escalationLevel", b.level());
        return List.of();
    }

    private List<Alert> recipients(Incident.Builder b, PolicyLevel step, Instant now, People people) {
        List<Alert> out = new ArrayList<>();
        if (step.audience() == Notify.LEADERS) {
            // the level's leaders on duty first (the roster); a level paged again, or with nobody on duty, reaches all
            List<Leader> everyone = people.leadersAtLevel(step.leaderLevel());
            boolean again = b.alerts().stream().anyMatch(a -> a.level() == step.level());
            List<Leader> onDuty = again ? List.of() : people.onDuty(everyone, now);
            for (Leader l : onDuty.isEmpty() ? everyone : onDuty) {
                out.add(newAlert(l.id(), RecipientKind.LEADER, l.name(), l.phone(), l.language(), step.level(), now));
            }
            return out;
        }
        if (b.memberId() == null) return out;
        Member member = people.member(b.memberId());
        if (member == null || member.homeCity() == null) return out;
        Set<String> alreadyAlerted = b.alerts().stream().map(Alert::recipientId).collect(Collectors.toSet());
        // spreading only weighs other incidents' alerts: those read a moment ago by open() will do
        List<Incident> active = people.active();
        List<Volunteer> chosen = AlertSpread.choose(member.homeArea(), member.location(),
                people.volunteersInCity(member.homeCity()), acceptedCounts(active, b.id()), alreadyAlerted,
                AlertSpread.recentAlerts(active, b.id(), now, AlertSpread.WINDOW), AlertSpread.MAX_PER_WINDOW,
                step.maxRecipientsOrDefault());
        for (Volunteer v : chosen) {
            out.add(newAlert(v.id(), RecipientKind.VOLUNTEER, v.name(), v.phone(), v.language(), step.level(), now));
        }
        // a level re-alerted (repeat) reaches again those it reached before and who have not answered
        for (Alert a : b.alerts()) {
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
}
