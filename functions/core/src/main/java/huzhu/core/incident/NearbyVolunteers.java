package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Volunteer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CONTRACT §4: on-duty volunteers of the member's home city, same district first, then by distance
 * where locations are known, skipping those already at {@code maxActive} accepted incidents.
 * The rest of the city is reached only to make up {@link #ENOUGH_IN_DISTRICT} people: two neighbours
 * who can be there in minutes are better than five across town, but one alone is too few to rely on.
 */
public final class NearbyVolunteers {
    static final int ENOUGH_IN_DISTRICT = 2;

    private NearbyVolunteers() {
    }

    /**
     * @param activeCounts accepted, still active incidents per volunteer id
     * @param exclude      volunteer ids that must not be chosen (already alerted for this incident)
     */
    public static List<Volunteer> choose(Area home, GeoPoint homePoint, List<Volunteer> inCity,
            Map<String, Integer> activeCounts, Set<String> exclude, int max) {
        if (home == null || home.city() == null || max <= 0) return List.of();
        List<Volunteer> available = new ArrayList<>();
        for (Volunteer v : inCity) {
            if (v.onDuty() && home.sameCity(v.area()) && !exclude.contains(v.id())
                    && activeCounts.getOrDefault(v.id(), 0) < v.maxActive()) {
                available.add(v);
            }
        }
        Comparator<Volunteer> byDistance = Comparator.comparingDouble(v -> distance(homePoint, v));
        List<Volunteer> district = available.stream().filter(v -> home.sameDistrict(v.area()))
                .sorted(byDistance.thenComparing(Volunteer::id)).toList();
        List<Volunteer> chosen = new ArrayList<>(district.subList(0, Math.min(max, district.size())));
        if (chosen.size() < Math.min(ENOUGH_IN_DISTRICT, max)) {
            available.stream().filter(v -> !home.sameDistrict(v.area()))
                    .sorted(byDistance.thenComparing(Volunteer::id))
                    .limit(Math.min(ENOUGH_IN_DISTRICT, max) - chosen.size())
                    .forEach(chosen::add);
        }
        return chosen;
    }

    /** Unknown locations sort after every known distance. */
    private static double distance(GeoPoint home, Volunteer v) {
        if (home == null || v.location() == null) return Double.MAX_VALUE;
        return home.kmTo(v.location());
    }
}
