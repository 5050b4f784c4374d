package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import java.util.Optional;

final class SqlSettings implements SettingsStore {
    private final Sql sql;

    SqlSettings(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<EscalationPolicy> escalationPolicy() {
        return sql.tx(c -> first(sql.docs(c, EscalationPolicy.class,
                "SELECT doc FROM settings WHERE name = 'escalationPolicy'")));
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy) {
        sql.tx(c -> execute(c, "INSERT OR REPLACE INTO settings (name, doc) VALUES ('escalationPolicy', ?)",
                sql.json.write(policy)));
    }

    @Override
    public Optional<DutyRoster> dutyRoster() {
        return sql.tx(c -> first(sql.docs(c, DutyRoster.class, "SELECT doc FROM settings WHERE name = 'dutyRoster'")));
    }

    @Override
    public void saveDutyRoster(DutyRoster roster) {
        sql.tx(c -> execute(c, "INSERT OR REPLACE INTO settings (name, doc) VALUES ('dutyRoster', ?)",
                sql.json.write(roster)));
    }
}
