package huzhu.core.incident;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface IncidentStore {
    /** Stores a new incident; throws {@link StaleWrite} if one with the same id exists. */
    void create(Incident incident);

    /**
     * Stores a new incident as the member's one emergency under way, as {@link #create} does, unless another of the
     * member's incidents is active (open or acknowledged, not a bereavement): then it stores nothing and throws
     * {@link UnderWay} naming that one. Of the member's emergencies raised at the same instant, exactly one is stored.
     * An incident with no member, or a bereavement, is stored as by {@link #create}.
     */
    void createUnlessUnderWay(Incident incident);

    Optional<Incident> get(String id);

    /**
     * Replaces the stored incident only if its version is still {@code updated.version() - 1};
     * otherwise throws {@link StaleWrite} and changes nothing.
     */
    void update(Incident updated);

    /**
     * The write just before closed {@code closed}, which was active until then: what the store keeps while a member's
     * emergency is under way may go. Called once, after that write (never for the later writes of a closed incident);
     * a store that keeps nothing beside the incident does nothing.
     */
    default void closed(Incident closed) {
    }

    /** Open or acknowledged incidents, newest first. */
    List<Incident> active();

    /** Active incidents whose {@code nextEscalationAt} is at or before {@code now}. */
    List<Incident> dueForEscalation(Instant now);

    /** Newest first; equal times by id, descending. */
    Page<Incident> list(IncidentQuery query, PageRequest page);

    /** Every incident created in [from, to) (either bound may be null), oldest first, for reports. */
    List<Incident> createdBetween(Instant from, Instant to);
}
