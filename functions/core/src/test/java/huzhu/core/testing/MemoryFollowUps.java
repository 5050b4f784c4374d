package huzhu.core.testing;

import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.care.FollowUpStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

final class MemoryFollowUps implements FollowUpStore {
    private static final MemoryPaging.Order<FollowUp, MemoryPaging.ByDueDate> BY_DUE_DATE = new MemoryPaging.Order<>(
            f -> new MemoryPaging.ByDueDate(f.dueDate() == null ? LocalDate.MAX : f.dueDate(), f.id()),
            MemoryPaging.ByDueDate::decode, MemoryPaging.ByDueDate::encode);

    final MemoryTable<FollowUp> byId;

    MemoryFollowUps(Object lock) {
        this.byId = new MemoryTable<>(lock, "followup", FollowUp::id, FollowUp::version);
    }

    @Override
    public void insert(FollowUp followUp) {
        byId.insert(followUp);
    }

    @Override
    public void replace(FollowUp followUp) {
        byId.replace(followUp);
    }

    @Override
    public Optional<FollowUp> get(String id) {
        return byId.get(id);
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        return byId.where(f -> incidentId.equals(f.incidentId()), BY_DUE_DATE.comparator());
    }

    @Override
    public List<FollowUp> forRound(String roundId) {
        return byId.where(f -> roundId.equals(f.roundId()), BY_DUE_DATE.comparator());
    }

    @Override
    public Page<FollowUp> list(StatusFilter<FollowUpStatus> status, PageRequest request) {
        return byId.page(f -> status.test(f.status()), BY_DUE_DATE, request);
    }
}
