package huzhu.core.testing;

import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.UnderWay;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryIncidents implements IncidentStore {
    private static final String LISTING = "incidents";
    private static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(MemoryIncidents::key);

    private final Object lock;
    final Map<String, Incident> byId = new HashMap<>();

    MemoryIncidents(Object lock) {
        this.lock = lock;
    }

    @Override
    public void create(Incident incident) {
        synchronized (lock) {
            if (byId.containsKey(incident.id())) throw new StaleWrite("incident", incident.id());
            byId.put(incident.id(), incident);
        }
    }

    @Override
    public void createUnlessUnderWay(Incident incident) {
        synchronized (lock) {
            if (byId.containsKey(incident.id())) throw new StaleWrite("incident", incident.id());
            Optional<Incident> underWay = incident.memberId() == null || incident.type() == IncidentType.BEREAVEMENT
                    ? Optional.empty()
                    : byId.values().stream().filter(i -> incident.memberId().equals(i.memberId()) && i.active()
                            && i.type() != IncidentType.BEREAVEMENT).min(NEWEST_FIRST);
            if (underWay.isPresent()) throw new UnderWay(underWay.get().id());
            byId.put(incident.id(), incident);
        }
    }

    @Override
    public Optional<Incident> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public void update(Incident updated) {
        synchronized (lock) {
            Incident stored = byId.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) {
                throw new StaleWrite("incident", updated.id());
            }
            byId.put(updated.id(), updated);
        }
    }

    @Override
    public List<Incident> active() {
        synchronized (lock) {
            return byId.values().stream().filter(Incident::active).sorted(NEWEST_FIRST).toList();
        }
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        synchronized (lock) {
            return byId.values().stream()
                    .filter(i -> i.active() && i.nextEscalationAt() != null && !i.nextEscalationAt().isAfter(now))
                    .sorted(Comparator.comparing(Incident::nextEscalationAt).thenComparing(Incident::id))
                    .toList();
        }
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest request) {
        synchronized (lock) {
            List<Incident> matching = byId.values().stream()
                    .filter(i -> query.status().test(i.status())
                            && MemoryPaging.inRange(i.createdAt(), query.from(), query.to()))
                    .toList();
            return MemoryPaging.page(matching, MemoryIncidents::key, request,
                    c -> MemoryPaging.Newest.decode(LISTING, c), k -> k.encode(LISTING));
        }
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        synchronized (lock) {
            return byId.values().stream()
                    .filter(i -> MemoryPaging.inRange(i.createdAt(), from, to))
                    .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id))
                    .toList();
        }
    }

    private static MemoryPaging.Newest key(Incident i) {
        return new MemoryPaging.Newest(i.createdAt(), i.id());
    }
}
