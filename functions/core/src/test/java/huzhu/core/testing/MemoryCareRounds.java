package huzhu.core.testing;

import huzhu.core.care.CareRound;
import huzhu.core.care.CareRoundStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryCareRounds implements CareRoundStore {
    private static final String LISTING = "rounds";

    private final Object lock;
    final Map<String, CareRound> byId = new HashMap<>();

    MemoryCareRounds(Object lock) {
        this.lock = lock;
    }

    @Override
    public void insert(CareRound round) {
        synchronized (lock) {
            if (byId.containsKey(round.id())) throw new IllegalStateException("round " + round.id() + " already exists");
            byId.put(round.id(), round);
        }
    }

    @Override
    public Optional<CareRound> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public Page<CareRound> list(PageRequest request) {
        synchronized (lock) {
            List<CareRound> all = List.copyOf(byId.values());
            return MemoryPaging.page(all, r -> new MemoryPaging.Newest(r.createdAt(), r.id()), request,
                    c -> MemoryPaging.Newest.decode(LISTING, c), k -> k.encode(LISTING));
        }
    }
}
