package huzhu.core.port;

import huzhu.core.model.FollowUp;
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
