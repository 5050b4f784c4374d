package huzhu.core.testing;

import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.care.FollowUpStore;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryFollowUps implements FollowUpStore {
    private final Object lock;
    final Map<String, FollowUp> byId = new HashMap<>();

    MemoryFollowUps(Object lock) {
        this.lock = lock;
    }

    @Override
    public void insert(FollowUp followUp) {
        synchronized (lock) {
            if (byId.containsKey(followUp.id())) {
                throw new IllegalStateException("followup " + followUp.id() + " already exists");
            }
            byId.put(followUp.id(), followUp);
        }
    }

    @Override
    public void replace(FollowUp followUp) {
        synchronized (lock) {
            FollowUp stored = byId.get(followUp.id());
            if (stored == null) throw new NotFound("followup");
            if (stored.version() != followUp.version() - 1) throw new StaleWrite("followup", followUp.id());
            byId.put(followUp.id(), followUp);
        }
    }

    @Override
    public Optional<FollowUp> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        synchronized (lock) {
            return byId.values().stream()
                    .filter(f -> incidentId.equals(f.incidentId()))
                    .sorted(Comparator.comparing(MemoryFollowUps::key))
                    .toList();
        }
    }

    @Override
    public List<FollowUp> forRound(String roundId) {
        synchronized (lock) {
            return byId.values().stream()
                    .filter(f -> roundId.equals(f.roundId()))
                    .sorted(Comparator.comparing(MemoryFollowUps::key))
                    .toList();
        }
    }

    @Override
    public Page<FollowUp> list(StatusFilter<FollowUpStatus> status, PageRequest request) {
        synchronized (lock) {
            List<FollowUp> matching = byId.values().stream().filter(f -> status.test(f.status())).toList();
            return MemoryPaging.page(matching, MemoryFollowUps::key, request, MemoryPaging.ByDueDate::decode,
                    MemoryPaging.ByDueDate::encode);
        }
    }

    private static MemoryPaging.ByDueDate key(FollowUp f) {
        return new MemoryPaging.ByDueDate(f.dueDate() == null ? LocalDate.MAX : f.dueDate(), f.id());
    }
}
