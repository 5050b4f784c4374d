package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.LeaseStore;
import java.time.Instant;

final class SqlLeases implements LeaseStore {
    private final Sql sql;

    SqlLeases(Sql sql) {
        this.sql = sql;
    }


    @Override
    public boolean acquire(String name, String owner, Instant until, Instant now) {
        return sql.tx(c -> execute(c, """
                INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
                WHERE leases.until <= ? OR leases.owner = excluded.owner""", name, owner, nanos(until), nanos(now)) > 0);
    }

    @Override
    public void release(String name, String owner) {
        sql.tx(c -> execute(c, "DELETE FROM leases WHERE name = ? AND owner = ?", name, owner));
    }
}
