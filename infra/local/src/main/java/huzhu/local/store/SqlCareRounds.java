package huzhu.local.store;

import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.CareRound;
import huzhu.core.care.CareRoundStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.Optional;

final class SqlCareRounds implements CareRoundStore {
    private static final NewestFirst<CareRound> LISTING = new NewestFirst<>("rounds", CareRound.class, "rounds", "created_at",
            CareRound::createdAt, CareRound::id);

    private final Sql sql;
    private final DocTable<CareRound> rows;

    SqlCareRounds(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "rounds", "round", CareRound.class)
                .key("id", CareRound::id)
                .column("created_at", r -> nanos(r.createdAt()));
    }

    @Override
    public void insert(CareRound round) {
        rows.insert(round);
    }

    @Override
    public Optional<CareRound> get(String id) {
        return rows.get(id);
    }

    @Override
    public Page<CareRound> list(PageRequest request) {
        return LISTING.page(sql, request);
    }
}
