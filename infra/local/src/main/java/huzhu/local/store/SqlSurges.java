package huzhu.local.store;

import huzhu.core.directory.Area;
import huzhu.core.incident.Surge;
import huzhu.core.incident.SurgeStore;
import java.util.List;
import java.util.Optional;

final class SqlSurges implements SurgeStore {
    private final Sql sql;
    private final DocTable<Surge> rows;

    SqlSurges(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "surges", "surge", Surge.class)
                .key("area", s -> key(s.area()))
                .column("on_now", s -> s.on() ? 1 : 0)
                .version(Surge::version);
    }

    @Override
    public Optional<Surge> get(Area area) {
        return rows.get(key(area));
    }

    @Override
    public void put(Surge surge) {
        rows.save(surge);
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
