package huzhu.core.testing;

import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryApplications implements ApplicationStore {
    private static final String LISTING = "applications";

    private final Object lock;
    private final Map<String, AssistanceApplication> byId = new HashMap<>();

    MemoryApplications(Object lock) {
        this.lock = lock;
    }

    @Override
    public void insert(AssistanceApplication application) {
        synchronized (lock) {
            if (byId.containsKey(application.id())) {
                throw new IllegalStateException("application " + application.id() + " already exists");
            }
            byId.put(application.id(), application);
        }
    }

    @Override
    public void update(AssistanceApplication updated) {
        synchronized (lock) {
            AssistanceApplication stored = byId.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) {
                throw new StaleWrite("application", updated.id());
            }
            byId.put(updated.id(), updated);
        }
    }

    @Override
    public Optional<AssistanceApplication> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public Page<AssistanceApplication> list(StatusFilter<ApplicationStatus> status, PageRequest request) {
        synchronized (lock) {
            List<AssistanceApplication> matching = byId.values().stream().filter(a -> status.test(a.status())).toList();
            return MemoryPaging.page(matching, MemoryApplications::key, request,
                    c -> MemoryPaging.Newest.decode(LISTING, c), k -> k.encode(LISTING));
        }
    }

    @Override
    public List<AssistanceApplication> ofMember(String memberId) {
        synchronized (lock) {
            return byId.values().stream().filter(a -> a.memberId().equals(memberId))
                    .sorted(Comparator.comparing(MemoryApplications::key)).toList();
        }
    }

    @Override
    public List<AssistanceApplication> submittedBetween(Instant from, Instant to) {
        synchronized (lock) {
            return byId.values().stream().filter(a -> MemoryPaging.inRange(a.submittedAt(), from, to))
                    .sorted(Comparator.comparing(AssistanceApplication::submittedAt)
                            .thenComparing(AssistanceApplication::id))
                    .toList();
        }
    }

    private static MemoryPaging.Newest key(AssistanceApplication a) {
        return new MemoryPaging.Newest(a.submittedAt(), a.id());
    }
}
