package huzhu.local.store;

import huzhu.core.incident.HoldStore;
import huzhu.core.incident.Holds;
import java.util.Optional;

final class SqlHolds implements HoldStore {
    private final DocTable<Holds> rows;

    SqlHolds(Sql sql) {
        this.rows = new DocTable<>(sql, "holds", "holds", Holds.class)
                .key("volunteer_id", Holds::volunteerId)
                .version(Holds::version);
    }

    @Override
    public Optional<Holds> get(String volunteerId) {
        return rows.get(volunteerId);
    }

    @Override
    public void put(Holds holds) {
        rows.save(holds);
    }
}
