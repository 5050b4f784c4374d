package huzhu.core.incident;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface IncidentStore {
    /** Stores a new incident; throws {@link StaleIncident} if one with the same id exists. */
    void create(Incident incident);

    Optional<Incident> incident(String id);

    /**
     * Replaces the stored incident only if its version is still {@code updated.version() - 1};
     * otherwise throws {@link StaleIncident} and changes nothing.
     */
    void update(Incident updated);

    /** Open or acknowledged incidents. */
    List<Incident> active();

    /** Active incidents whose {@code nextEscalationAt} is at or before {@code now}. */
    List<Incident> dueForEscalation(Instant now);

    /** Newest first. */
    Page<Incident> list(IncidentQuery query, PageRequest page);

    /** Every incident created in [from, to), for reports. */
    List<Incident> createdBetween(Instant from, Instant to);
}
