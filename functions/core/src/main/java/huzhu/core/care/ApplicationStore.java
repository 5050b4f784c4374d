package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Assistance applications (帮扶申请). */
public interface ApplicationStore {
    /** Stores a new application; throws {@link huzhu.core.kernel.AlreadyExists} if one with the same id exists. */
    void insert(AssistanceApplication application);

    /** Replaces it only if its stored version is {@code updated.version() - 1}; else {@link StaleWrite}. */
    void update(AssistanceApplication updated);

    Optional<AssistanceApplication> get(String id);

    /** Newest submission first, equal times by id descending. */
    Page<AssistanceApplication> list(StatusFilter<ApplicationStatus> status, PageRequest page);

    /** The member's applications, newest submission first. */
    List<AssistanceApplication> ofMember(String memberId);

    /** Every application submitted in [from, to) (either bound may be null), oldest first, for reports. */
    List<AssistanceApplication> submittedBetween(Instant from, Instant to);
}
