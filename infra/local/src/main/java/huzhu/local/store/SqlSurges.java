package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;

import huzhu.core.directory.Area;
import huzhu.core.incident.Surge;
import huzhu.core.incident.SurgeStore;
import huzhu.core.kernel.StaleWrite;
import java.util.List;
import java.util.Optional;

final class SqlSurges implements SurgeStore {
    private final Sql sql;

    SqlSurges(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Surge> get(Area area) {
        return sql.tx(c -> first(sql.docs(c, Surge.class, "SELECT doc FROM surges WHERE area = ?", key(area))));
    }

    @Override
    public void put(Surge surge) {
        sql.tx(c -> {
            int written = surge.version() == 1
                    ? execute(c, "INSERT OR IGNORE INTO surges (area, on_now, version, doc) VALUES (?, ?, ?, ?)",
                            key(surge.area()), surge.on() ? 1 : 0, surge.version(), sql.json.write(surge))
                    : execute(c, "UPDATE surges SET on_now = ?, version = ?, doc = ? WHERE area = ? AND version = ?",
                            surge.on() ? 1 : 0, surge.version(), sql.json.write(surge), key(surge.area()),
                            surge.version() - 1);
            if (written == 0) throw new StaleWrite("surge", key(surge.area()));
            return null;
        });
    }

    @Override
    public List<Surge> active() {
        return sql.tx(c -> sql.docs(c, Surge.class, "SELECT doc FROM surges WHERE on_now = 1 ORDER BY area"));
    }

    /** City and district, which no name contains a line break of. */
    private static String key(Area area) {
        return area.city() + "\n" + area.district();
    }
}
