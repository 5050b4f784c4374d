package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Optional;

/** Requests to change a member's family contacts. */
public interface ContactRequestStore {
    /** Stores a new request; throws {@link huzhu.core.kernel.AlreadyExists} if one with the same id exists. */
    void insert(ContactRequest request);

    /** Replaces it only if its stored version is {@code updated.version() - 1}; else {@link StaleWrite}. */
    void update(ContactRequest updated);

    Optional<ContactRequest> get(String id);

    /** Newest first, equal times by id descending. */
    Page<ContactRequest> list(StatusFilter<ContactRequest.Status> status, PageRequest page);

    /** The member's requests, newest first. */
    List<ContactRequest> ofMember(String memberId);
}
