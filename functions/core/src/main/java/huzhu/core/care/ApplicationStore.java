package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Assistance applications (帮扶申请). */
public interface ApplicationStore {
    /** Stores a new application; throws {@link IllegalStateException} if one with the same id exists. */
    void insertApplication(AssistanceApplication application);

    /** Replaces it only if its stored version is {@code updated.version() - 1}; else {@link StaleWrite}. */
    void updateApplication(AssistanceApplication updated);

    Optional<AssistanceApplication> application(String id);

    /**
     * Newest submission first, equal times by id descending; {@code status} null or "all" means every status,
     * an unknown status word is {@link huzhu.core.error.Invalid}.
     */
    Page<AssistanceApplication> applications(String status, PageRequest page);

    /** The member's applications, newest submission first. */
    List<AssistanceApplication> applicationsOf(String memberId);

    /** Every application submitted in [from, to) (either bound may be null), oldest first, for reports. */
    List<AssistanceApplication> applicationsSubmittedBetween(Instant from, Instant to);
}
