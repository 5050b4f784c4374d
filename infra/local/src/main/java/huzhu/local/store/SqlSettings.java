package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Versioned;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The union's settings, one row each; a setting's version is a row of its own beside it ({@code <name>.version}),
 * so that older data directories keep their rows: a policy saved before versions existed is version 1.
 */
final class SqlSettings implements SettingsStore {
    private static final String POLICY = "escalationPolicy";
    private static final String POLICY_VERSION = "escalationPolicy.version";

    private final Sql sql;

    SqlSettings(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Versioned<EscalationPolicy>> savedEscalationPolicy() {
        return sql.tx(c -> {
            Optional<EscalationPolicy> policy = first(sql.docs(c, EscalationPolicy.class,
                    "SELECT doc FROM settings WHERE name = ?", POLICY));
            if (policy.isEmpty()) return Optional.<Versioned<EscalationPolicy>>empty();
            return Optional.of(new Versioned<>(policy.get(), storedVersion(c)));
        });
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy, long version) {
        sql.tx(c -> {
            boolean saved = first(sql.docs(c, EscalationPolicy.class, "SELECT doc FROM settings WHERE name = ?", POLICY))
                    .isPresent();
            long stored = saved ? storedVersion(c) : 0;
            if (stored != version - 1) throw new StaleWrite("policy", POLICY);
            execute(c, "INSERT OR REPLACE INTO settings (name, doc) VALUES (?, ?)", POLICY, sql.json.write(policy));
            execute(c, "INSERT OR REPLACE INTO settings (name, doc) VALUES (?, ?)", POLICY_VERSION,
                    Long.toString(version));
            return null;
        });
    }

    /** The saved policy's version; 1 for one saved before versions were kept. */
    private long storedVersion(Connection c) throws SQLException {
        return first(sql.docs(c, Long.class, "SELECT doc FROM settings WHERE name = ?", POLICY_VERSION)).orElse(1L);
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
