package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.CareRound;
import huzhu.core.care.CareRoundStore;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqlCareRounds implements CareRoundStore {
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
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "rounds", 2);
        int limit = request.limit();
        StringBuilder query = new StringBuilder("SELECT doc FROM rounds WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (after != null) {
            long at = Cursor.number(after[0]);
            query.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        query.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return sql.tx(c -> Page.of(sql.docs(c, CareRound.class, query.toString(), params.toArray()), limit,
                r -> Cursor.encode("rounds", Long.toString(nanos(r.createdAt())), r.id())));
    }
}
