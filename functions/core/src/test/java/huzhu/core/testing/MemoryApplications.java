package huzhu.core.testing;

import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryApplications implements ApplicationStore {
    private static final MemoryPaging.Order<AssistanceApplication, ?> NEWEST_FIRST =
            MemoryPaging.newestFirst("applications", AssistanceApplication::submittedAt, AssistanceApplication::id);

    private final MemoryTable<AssistanceApplication> byId;

    MemoryApplications(Object lock) {
        this.byId = new MemoryTable<>(lock, "application", AssistanceApplication::id, AssistanceApplication::version);
    }

    @Override
    public void insert(AssistanceApplication application) {
        byId.insert(application);
    }

    @Override
    public void update(AssistanceApplication updated) {
        byId.update(updated);
    }

    @Override
    public Optional<AssistanceApplication> get(String id) {
        return byId.get(id);
    }

    @Override
    public Page<AssistanceApplication> list(StatusFilter<ApplicationStatus> status, PageRequest request) {
        return byId.page(a -> status.test(a.status()), NEWEST_FIRST, request);
    }

    @Override
    public List<AssistanceApplication> ofMember(String memberId) {
        return byId.where(a -> a.memberId().equals(memberId), NEWEST_FIRST.comparator());
    }

    @Override
    public List<AssistanceApplication> submittedBetween(Instant from, Instant to) {
        return byId.where(a -> MemoryPaging.inRange(a.submittedAt(), from, to),
                Comparator.comparing(AssistanceApplication::submittedAt).thenComparing(AssistanceApplication::id));
    }
}
