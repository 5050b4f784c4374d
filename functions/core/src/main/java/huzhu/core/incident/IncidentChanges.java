package huzhu.core.incident;

import huzhu.core.error.NotFound;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every change of an incident: a read, a decision and a conditional write of the whole incident
 * ({@link VersionedChange}); when someone else wrote first, the decision is taken again on what they wrote.
 * The one write that exhausts the policy also tells the officers, so they hear of it once; the one that closes it
 * tells the store ({@link IncidentStore#closed}).
 */
final class IncidentChanges {
    private static final int MAX_ATTEMPTS = 25;

    private final IncidentStore incidents;
    private final Consumer<Incident> exhausted;

    IncidentChanges(IncidentStore incidents, Consumer<Incident> exhausted) {
        this.incidents = incidents;
        this.exhausted = exhausted;
    }

    static <R> Decision<Incident, R> none(R result) {
        return Decision.none(result);
    }

    static <R> Decision<Incident, R> write(Incident.Builder b, Function<Incident, R> then) {
        return Decision.write(b.build(), then);
    }

    static Decision<Incident, Incident> write(Incident.Builder b) {
        return Decision.write(b.build());
    }

    /** Adds a line to the incident's timeline and changes nothing else. */
    Incident note(String incidentId, Instant at, String kind, TimelineText text, String actor) {
        return change(incidentId, current -> write(current.edit().note(at, kind, text, actor)));
    }

    Incident get(String id) {
        return incidents.get(id).orElseThrow(() -> new NotFound("incident"));
    }

    <R> R change(String incidentId, Function<Incident, Decision<Incident, R>> decide) {
        return change(incidentId, null, decide);
    }

    /**
     * As above, but the first decision is taken on {@code known} (the incident as this call last wrote or read
     * it) instead of a fresh read; the conditional write still catches anyone who wrote since.
     */
    <R> R change(String incidentId, Incident known, Function<Incident, Decision<Incident, R>> decide) {
        return VersionedChange.run(MAX_ATTEMPTS, VersionedChange.startingWith(known, () -> get(incidentId)),
                current -> decide.apply(current).alsoAfterWrite(updated -> {
                    if (updated.exhaustedSince(current)) exhausted.accept(updated);
                    if (current.active() && !updated.active()) incidents.closed(updated);
                }), incidents::update);
    }
}
