package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.Optional;

/** Care rounds; their follow-ups are in the {@link FollowUpStore}. */
public interface CareRoundStore {
    /** Stores a new round; throws {@link huzhu.core.kernel.AlreadyExists} if one with the same id exists. */
    void insert(CareRound round);

    Optional<CareRound> get(String id);

    /** Newest first (created), equal times by id descending. */
    Page<CareRound> list(PageRequest page);
}
