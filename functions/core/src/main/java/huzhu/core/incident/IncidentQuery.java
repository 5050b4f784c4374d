package huzhu.core.incident;

import java.time.Instant;

/**
 * Which incidents to list: {@code status} is a status word, "active" (open or acknowledged) or "all";
 * {@code from}/{@code to} bound {@code createdAt} (inclusive, exclusive), either may be null.
 */
public record IncidentQuery(String status, Instant from, Instant to) {
    public static final IncidentQuery ALL = new IncidentQuery("all", null, null);
}
