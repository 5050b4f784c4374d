package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;

import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.GuideStore;
import huzhu.core.kernel.StaleWrite;
import java.util.Optional;

final class SqlGuides implements GuideStore {
    private final Sql sql;

    SqlGuides(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<AssistanceGuide> guide() {
        return sql.tx(c -> first(sql.docs(c, AssistanceGuide.class,
                "SELECT doc FROM settings WHERE name = 'assistanceGuide'")));
    }

    @Override
    public void saveGuide(AssistanceGuide guide) {
        sql.tx(c -> {
            long stored = first(sql.docs(c, AssistanceGuide.class,
                    "SELECT doc FROM settings WHERE name = 'assistanceGuide'")).map(AssistanceGuide::version).orElse(0L);
            if (stored != guide.version() - 1) throw new StaleWrite("guide", "assistance-guide");
            execute(c, "INSERT OR REPLACE INTO settings (name, doc) VALUES ('assistanceGuide', ?)",
                    sql.json.write(guide));
            return null;
        });
    }
}
