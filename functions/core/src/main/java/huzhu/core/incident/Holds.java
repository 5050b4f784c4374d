package huzhu.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incidents one volunteer holds, kept apart from the incidents themselves so that a single conditional write
 * can refuse an accept that would take them past their {@code maxActive}, whichever incident it is for. A hold is
 * claimed before the accept is written ({@code pendingUntil}: when it lapses if that write never happens) and
 * confirmed after it. The incidents stay the truth: a confirmed hold whose incident no longer has this volunteer
 * as its responder is stale and may be dropped. Version 0 until stored.
 */
public record Holds(String volunteerId, List<Hold> held, long version) {
    /** One incident held; {@code pendingUntil} null once the accept is written. */
    public record Hold(String incidentId, Instant pendingUntil) {
        public boolean pending() {
            return pendingUntil != null;
        }

        boolean lapsed(Instant now) {
            return pendingUntil != null && !pendingUntil.isAfter(now);
        }
    }

    public Holds {
        held = held == null ? List.of() : List.copyOf(held);
    }

    public static Holds none(String volunteerId) {
        return new Holds(volunteerId, List.of(), 0);
    }

    public Optional<Hold> of(String incidentId) {
        return held.stream().filter(h -> h.incidentId().equals(incidentId)).findFirst();
    }

    /** The next version, holding {@code next}. */
    Holds with(List<Hold> next) {
        return new Holds(volunteerId, next, version + 1);
    }

    /** Without the claims that lapsed by {@code now}. */
    List<Hold> live(Instant now) {
        List<Hold> out = new ArrayList<>();
        for (Hold h : held) {
            if (!h.lapsed(now)) out.add(h);
        }
        return out;
    }
}
