package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Volunteer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many incidents at once (a disaster in one city): the same few neighbours must not get an alert for every
 * one of them. A volunteer with {@link #MAX_PER_WINDOW} outstanding alerts from the last
 * {@link #WINDOW} is passed over while anyone else nearby is available; only when nobody else is, the busy
 * ones are alerted after all, because a family whose only neighbours are busy is better served by them
 * than by nobody (the level's timeout still moves the incident on to the leaders).
 */
public final class AlertSpread {
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final int MAX_PER_WINDOW = 3;

    private AlertSpread() {
    }

    /**
     * Outstanding volunteer alerts (not yet answered) per volunteer, sent within {@code window} before
     * {@code now} or planned and not yet sent, over the given incidents except {@code exceptIncident}.
     */
    public static Map<String, Integer> recentAlerts(Collection<Incident> active, String exceptIncident, Instant now,
            Duration window) {
        Instant since = now.minus(window);
        Map<String, Integer> counts = new HashMap<>();
        for (Incident i : active) {
            if (i.id().equals(exceptIncident) || !i.active()) continue;
            for (Alert a : i.alerts()) {
                if (a.recipientKind() != RecipientKind.VOLUNTEER || !a.status().outstanding()) continue;
                if (a.sentAt() == null || !a.sentAt().isBefore(since)) counts.merge(a.recipientId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Volunteers at or over {@code limit} recent alerts. */
    public static Set<String> saturated(Map<String, Integer> recent, int limit) {
        Set<String> out = new HashSet<>();
        recent.forEach((id, n) -> {
            if (n >= limit) out.add(id);
        });
        return out;
    }

    /**
     * {@link NearbyVolunteers#choose} among the volunteers who are not saturated; the saturated ones only
     * when nobody else could be chosen.
     */
    public static List<Volunteer> choose(Area home, GeoPoint homePoint, List<Volunteer> inCity,
            Map<String, Integer> acceptedCounts, Set<String> exclude, Map<String, Integer> recent, int limit, int max) {
        Set<String> busy = saturated(recent, limit);
        if (!busy.isEmpty()) {
            Set<String> excludeBusy = new HashSet<>(exclude);
            excludeBusy.addAll(busy);
            List<Volunteer> spread = NearbyVolunteers.choose(home, homePoint, inCity, acceptedCounts, excludeBusy, max);
            if (!spread.isEmpty()) return spread;
        }
        return NearbyVolunteers.choose(home, homePoint, inCity, acceptedCounts, exclude, max);
    }
}
