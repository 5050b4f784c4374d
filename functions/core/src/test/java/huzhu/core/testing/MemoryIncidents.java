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
import java.util.List;
import java.util.Optional;

final class MemoryIncidents implements IncidentStore {
    private static final MemoryPaging.Order<Incident, ?> NEWEST_FIRST =
            MemoryPaging.newestFirst("incidents", Incident::createdAt, Incident::id);

    private final Object lock;
    final MemoryTable<Incident> byId;

    MemoryIncidents(Object lock) {
        this.lock = lock;
        this.byId = new MemoryTable<>(lock, "incident", Incident::id, Incident::version);
    }

    @Override
    public void create(Incident incident) {
        if (!byId.insertIfAbsent(incident)) throw new StaleWrite("incident", incident.id());
    }

    @Override
    public void createUnlessUnderWay(Incident incident) {
        synchronized (lock) {
            if (byId.get(incident.id()).isPresent()) throw new StaleWrite("incident", incident.id());
            Optional<Incident> underWay = incident.memberId() == null || incident.type() == IncidentType.BEREAVEMENT
                    ? Optional.empty()
                    : byId.where(i -> incident.memberId().equals(i.memberId()) && i.active()
                            && i.type() != IncidentType.BEREAVEMENT, NEWEST_FIRST.comparator()).stream().findFirst();
            if (underWay.isPresent()) throw new UnderWay(underWay.get().id());
            create(incident);
        }
    }

    @Override
    public Optional<Incident> get(String id) {
        return byId.get(id);
    }

    @Override
    public void update(Incident updated) {
        byId.update(updated);
    }

    @Override
    public List<Incident> active() {
        return byId.where(Incident::active, NEWEST_FIRST.comparator());
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        return byId.where(i -> i.active() && i.nextEscalationAt() != null && !i.nextEscalationAt().isAfter(now),
                Comparator.comparing(Incident::nextEscalationAt).thenComparing(Incident::id));
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest request) {
        return byId.page(i -> query.status().test(i.status())
                && MemoryPaging.inRange(i.createdAt(), query.from(), query.to()), NEWEST_FIRST, request);
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        return byId.where(i -> MemoryPaging.inRange(i.createdAt(), from, to),
                Comparator.comparing(Incident::createdAt).thenComparing(Incident::id));
    }
}
