package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Optional;

public interface FollowUpStore {
    /** Stores a new follow-up; throws {@link huzhu.core.kernel.AlreadyExists} if one with the same id exists. */
    void insert(FollowUp followUp);

    /**
     * Replaces the follow-up with the same id if its stored version is {@code followUp.version() - 1}; throws
     * {@link huzhu.core.kernel.StaleWrite} (nothing written) if it is not, {@link huzhu.core.error.NotFound} if there
     * is none.
     */
    void replace(FollowUp followUp);

    Optional<FollowUp> get(String id);

    /** The incident's follow-ups, by due date (those without one last), then id. */
    List<FollowUp> forIncident(String incidentId);

    /** The care round's follow-ups, by due date (those without one last), then id. */
    List<FollowUp> forRound(String roundId);

    /** Ordered by due date (those without one last), then id. */
    Page<FollowUp> list(StatusFilter<FollowUpStatus> status, PageRequest page);
}
