package huzhu.core.incident;

import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which incidents to list: the statuses wanted, and {@code from}/{@code to} bounding {@code createdAt}
 * (inclusive, exclusive), either may be null.
 */
public record IncidentQuery(StatusFilter<IncidentStatus> status, Instant from, Instant to) {
    public static final IncidentQuery ALL = new IncidentQuery(StatusFilter.all(IncidentStatus.class), null, null);
    private static final Map<String, Set<IncidentStatus>> GROUPS = Map.of("active",
            EnumSet.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED));

    /** {@code status}: a status word, "active" (open or acknowledged), "all" or blank; anything else is invalid. */
    public static IncidentQuery of(String status, Instant from, Instant to) {
        return new IncidentQuery(StatusFilter.parse(IncidentStatus.class, status, GROUPS), from, to);
    }
}
