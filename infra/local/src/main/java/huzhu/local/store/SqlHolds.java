package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;

import huzhu.core.incident.HoldStore;
import huzhu.core.incident.Holds;
import huzhu.core.kernel.StaleWrite;
import java.util.Optional;

final class SqlHolds implements HoldStore {
    private final Sql sql;

    SqlHolds(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Holds> get(String volunteerId) {
        return sql.tx(c -> first(sql.docs(c, Holds.class, "SELECT doc FROM holds WHERE volunteer_id = ?", volunteerId)));
    }

    @Override
    public void put(Holds holds) {
        sql.tx(c -> {
            int written = holds.version() == 1
                    ? execute(c, "INSERT OR IGNORE INTO holds (volunteer_id, version, doc) VALUES (?, ?, ?)",
                            holds.volunteerId(), holds.version(), sql.json.write(holds))
                    : execute(c, "UPDATE holds SET version = ?, doc = ? WHERE volunteer_id = ? AND version = ?",
                            holds.version(), sql.json.write(holds), holds.volunteerId(), holds.version() - 1);
            if (written == 0) throw new StaleWrite("holds", holds.volunteerId());
            return null;
        });
    }
}
