package huzhu.core.incident;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Holds.Hold;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A volunteer never holds more incidents than their {@code maxActive}, however many alerts they answer and however
 * their answers interleave: each accept first claims a place in the volunteer's {@link Holds} (one conditional
 * write on one record, so two containers cannot both take the last place), then writes the incident, then confirms
 * the claim. A claim whose accept was never written lapses after {@link #PENDING}; a confirmed hold whose incident
 * was closed or handed to someone else is dropped when the place is wanted, so a lost release never blocks anyone.
 */
final class MaxActive {
    /** Far longer than any function runs (20 s), so a claim still under way never lapses, and a dead one soon does. */
    static final Duration PENDING = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 10;

    /** Whether the place was granted, and otherwise the code of an incident the volunteer holds. */
    record Claim(boolean granted, String holding) {
        static final Claim GRANTED = new Claim(true, null);
    }

    private final HoldStore holds;
    private final IncidentStore incidents;
    private final DirectoryStore directory;

    MaxActive(HoldStore holds, IncidentStore incidents, DirectoryStore directory) {
        this.holds = holds;
        this.incidents = incidents;
        this.directory = directory;
    }

    /** Claims a place for {@code incidentId}; claiming again for the same incident is granted and changes nothing. */
    Claim claim(String volunteerId, String incidentId, Instant now) {
        Optional<Volunteer> volunteer = directory.volunteers().get(volunteerId);
        if (volunteer.isEmpty()) return Claim.GRANTED; // gone from the directory: nothing to keep count for
        int max = volunteer.get().maxActive();
        return change(volunteerId, current -> {
            List<Hold> live = current.live(now);
            Optional<Hold> mine = live.stream().filter(h -> h.incidentId().equals(incidentId)).findFirst();
            if (mine.isPresent()) {
                if (!mine.get().pending()) return Decision.none(Claim.GRANTED);
                return Decision.write(current.with(replace(live, new Hold(incidentId, now.plus(PENDING)))),
                        h -> Claim.GRANTED);
            }
            if (live.size() >= max) live = withoutStale(live, volunteerId);
            if (live.size() >= max) {
                return Decision.none(new Claim(false, codeOfFirst(live)));
            }
            List<Hold> next = new ArrayList<>(live);
            next.add(new Hold(incidentId, now.plus(PENDING)));
            return Decision.write(current.with(next), h -> Claim.GRANTED);
        });
    }

    /** The accept was written: the place is theirs until the incident is done. */
    void confirm(String volunteerId, String incidentId) {
        if (directory.volunteers().get(volunteerId).isEmpty()) return;
        change(volunteerId, current -> {
            Optional<Hold> mine = current.of(incidentId);
            if (mine.isPresent() && !mine.get().pending()) return Decision.none(null);
            List<Hold> next = new ArrayList<>(current.held());
            next.removeIf(h -> h.incidentId().equals(incidentId));
            next.add(new Hold(incidentId, null));
            return Decision.write(current.with(next), h -> null);
        });
    }

    /** The place is free again (the accept lost its race, or the incident is done). */
    void release(String volunteerId, String incidentId) {
        change(volunteerId, current -> {
            if (current.of(incidentId).isEmpty()) return Decision.none(null);
            List<Hold> next = new ArrayList<>(current.held());
            next.removeIf(h -> h.incidentId().equals(incidentId));
            return Decision.write(current.with(next), h -> null);
        });
    }

    /** Confirmed holds whose incident no longer has this volunteer as an active responder are dropped. */
    private List<Hold> withoutStale(List<Hold> live, String volunteerId) {
        List<Hold> out = new ArrayList<>();
        for (Hold h : live) {
            if (h.pending() || incidents.get(h.incidentId())
                    .filter(i -> i.active() && i.responder(volunteerId).isPresent()).isPresent()) {
                out.add(h);
            }
        }
        return out;
    }

    /** For the answer: the code of the first incident held that still exists. */
    private String codeOfFirst(List<Hold> live) {
        for (Hold h : live) {
            Optional<Incident> i = incidents.get(h.incidentId());
            if (i.isPresent()) return i.get().code();
        }
        return "";
    }

    private static List<Hold> replace(List<Hold> live, Hold updated) {
        List<Hold> out = new ArrayList<>(live);
        out.replaceAll(h -> h.incidentId().equals(updated.incidentId()) ? updated : h);
        return out;
    }

    private <R> R change(String volunteerId, java.util.function.Function<Holds, Decision<Holds, R>> decide) {
        return VersionedChange.run(MAX_ATTEMPTS, () -> holds.get(volunteerId).orElse(Holds.none(volunteerId)), decide,
                holds::put);
    }
}
