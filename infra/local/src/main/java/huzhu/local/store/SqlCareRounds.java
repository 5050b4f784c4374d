package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
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

    SqlCareRounds(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(CareRound round) {
        sql.tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO rounds (id, created_at, doc) VALUES (?, ?, ?)", round.id(),
                    nanos(round.createdAt()), sql.json.write(round));
            if (inserted == 0) throw new IllegalStateException("round " + round.id() + " already exists");
            return null;
        });
    }

    @Override
    public Optional<CareRound> get(String id) {
        return sql.tx(c -> first(sql.docs(c, CareRound.class, "SELECT doc FROM rounds WHERE id = ?", id)));
    }

    @Override
    public Page<CareRound> list(PageRequest request) {
        return LISTING.page(sql, request);
    }
}
