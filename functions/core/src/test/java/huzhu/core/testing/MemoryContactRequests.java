package huzhu.core.testing;

import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Optional;

final class MemoryContactRequests implements ContactRequestStore {
    private static final MemoryPaging.Order<ContactRequest, ?> NEWEST_FIRST =
            MemoryPaging.newestFirst("contact-requests", ContactRequest::createdAt, ContactRequest::id);

    private final MemoryTable<ContactRequest> byId;

    MemoryContactRequests(Object lock) {
        this.byId = new MemoryTable<>(lock, "contact request", ContactRequest::id, ContactRequest::version);
    }

    @Override
    public void insert(ContactRequest request) {
        byId.insert(request);
    }

    @Override
    public void update(ContactRequest updated) {
        byId.update(updated);
    }

    @Override
    public Optional<ContactRequest> get(String id) {
        return byId.get(id);
    }

    @Override
    public Page<ContactRequest> list(StatusFilter<ContactRequest.Status> status, PageRequest request) {
        return byId.page(r -> status.test(r.status()), NEWEST_FIRST, request);
    }

    @Override
    public List<ContactRequest> ofMember(String memberId) {
        return byId.where(r -> r.memberId().equals(memberId), NEWEST_FIRST.comparator());
    }
}
