package huzhu.core.testing;

import huzhu.core.care.CareRound;
import huzhu.core.care.CareRoundStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.Optional;

final class MemoryCareRounds implements CareRoundStore {
    private static final MemoryPaging.Order<CareRound, ?> NEWEST_FIRST =
            MemoryPaging.newestFirst("rounds", CareRound::createdAt, CareRound::id);

    private final MemoryTable<CareRound> byId;

    MemoryCareRounds(Object lock) {
        this.byId = new MemoryTable<>(lock, "round", CareRound::id);
    }

    @Override
    public void insert(CareRound round) {
        byId.insert(round);
    }

    @Override
    public Optional<CareRound> get(String id) {
        return byId.get(id);
    }

    @Override
    public Page<CareRound> list(PageRequest request) {
        return byId.page(r -> true, NEWEST_FIRST, request);
    }
}
