package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Volunteer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is offered what while a district is in surge, decided on what was read, with no store and no SMS. A volunteer
 * has {@code maxActive} places: each incident they hold and each offer still waiting for their answer takes one, and
 * nobody is offered anything without a free place. So a volunteer's phone gets at most {@code maxActive} offers at a
 * time, however many families call; a new one comes only when they answered, someone else took it, or it closed.
 * One offer per incident at a time, so a district's few volunteers spread over its incidents.
 */
final class SurgeOffers {
    private SurgeOffers() {
    }

    /** Places taken per volunteer: incidents they hold, and offers on open incidents they have not answered. */
    static Map<String, Integer> busy(List<Incident> active) {
        Map<String, Integer> busy = new HashMap<>();
        for (Incident i : active) {
            if (!i.active()) continue;
            for (Responder r : i.responders()) busy.merge(r.recipientId(), 1, Integer::sum);
            if (i.status() != IncidentStatus.OPEN) continue;
            for (Alert a : i.alerts()) {
                if (a.recipientKind() == RecipientKind.VOLUNTEER && a.status().outstanding()) {
                    busy.merge(a.recipientId(), 1, Integer::sum);
                }
            }
        }
        return busy;
    }

    /** Whether {@code v} has a free place. */
    static boolean free(Volunteer v, Map<String, Integer> busy) {
        return v.onDuty() && busy.getOrDefault(v.id(), 0) < v.maxActive();
    }

    /**
     * The volunteer an incident at {@code place} in {@code home} is offered to: on duty, of the same city, with a
     * free place, not {@code excluded}; the same district first, then the nearest, then by id.
     */
    static Optional<Volunteer> volunteerFor(Area home, GeoPoint place, List<Volunteer> inCity,
            Map<String, Integer> busy, Set<String> excluded) {
        if (home == null || home.city() == null) return Optional.empty();
        return inCity.stream()
                .filter(v -> home.sameCity(v.area()) && !excluded.contains(v.id()) && free(v, busy))
                .min(Comparator.comparing((Volunteer v) -> !home.sameDistrict(v.area()))
                        .thenComparingDouble(v -> distance(place, v.location()))
                        .thenComparing(Volunteer::id));
    }

    /**
     * The incident a free volunteer is offered next among {@code waiting} (open incidents of the district): one they
     * were never alerted for, first one nobody else has an offer for, then the nearest to them, then the oldest.
     */
    static Optional<Incident> incidentFor(Volunteer v, List<Incident> waiting, Set<String> offeredNow) {
        return waiting.stream()
                .filter(i -> i.status() == IncidentStatus.OPEN && i.alertFor(v.id()).isEmpty())
                .min(Comparator.comparing((Incident i) -> hasOpenOffer(i) || offeredNow.contains(i.id()))
                        .thenComparingDouble(i -> distance(i.location() == null ? null : i.location().point(),
                                v.location()))
                        .thenComparing(Incident::createdAt)
                        .thenComparing(Incident::id));
    }

    /** The oldest first, by when it opened. */
    static Comparator<Incident> oldestFirst() {
        return Comparator.comparing(Incident::createdAt).thenComparing(Incident::id);
    }

    /** How long the oldest of {@code waiting} has waited, in whole minutes (0 when none waits). */
    static long oldestWaitMinutes(List<Incident> waiting, Instant now) {
        return waiting.stream().map(Incident::createdAt).min(Comparator.naturalOrder())
                .map(t -> Math.max(0, java.time.Duration.between(t, now).toMinutes())).orElse(0L);
    }

    private static boolean hasOpenOffer(Incident i) {
        return i.alerts().stream().anyMatch(a -> a.recipientKind() == RecipientKind.VOLUNTEER
                && a.status().outstanding());
    }

    /** Unknown locations sort after every known distance. */
    private static double distance(GeoPoint a, GeoPoint b) {
        return a == null || b == null ? Double.MAX_VALUE : a.kmTo(b);
    }
}
