package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.List;
import java.util.Optional;

public interface FollowUpStore {
    void insert(FollowUp followUp);

    void replace(FollowUp followUp);

    Optional<FollowUp> followUp(String id);

    List<FollowUp> forIncident(String incidentId);

    /** {@code status} null means every status; ordered by due date. */
    Page<FollowUp> followUps(String status, PageRequest page);
}
