package huzhu.core.testing;

import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryContactRequests implements ContactRequestStore {
    private static final String LISTING = "contact-requests";

    private final Object lock;
    final Map<String, ContactRequest> byId = new HashMap<>();

    MemoryContactRequests(Object lock) {
        this.lock = lock;
    }

    @Override
    public void insert(ContactRequest request) {
        synchronized (lock) {
            if (byId.containsKey(request.id())) {
                throw new IllegalStateException("contact request " + request.id() + " already exists");
            }
            byId.put(request.id(), request);
        }
    }

    @Override
    public void update(ContactRequest updated) {
        synchronized (lock) {
            ContactRequest stored = byId.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) {
                throw new StaleWrite("contactRequest", updated.id());
            }
            byId.put(updated.id(), updated);
        }
    }

    @Override
    public Optional<ContactRequest> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public Page<ContactRequest> list(StatusFilter<ContactRequest.Status> status, PageRequest request) {
        synchronized (lock) {
            List<ContactRequest> matching = byId.values().stream().filter(r -> status.test(r.status())).toList();
            return MemoryPaging.page(matching, MemoryContactRequests::key, request,
                    c -> MemoryPaging.Newest.decode(LISTING, c), k -> k.encode(LISTING));
        }
    }

    @Override
    public List<ContactRequest> ofMember(String memberId) {
        synchronized (lock) {
            return byId.values().stream().filter(r -> r.memberId().equals(memberId))
                    .sorted(Comparator.comparing(MemoryContactRequests::key)).toList();
        }
    }

    private static MemoryPaging.Newest key(ContactRequest r) {
        return new MemoryPaging.Newest(r.createdAt(), r.id());
    }
}
