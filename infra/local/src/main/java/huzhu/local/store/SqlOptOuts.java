package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.fromNanos;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.prepare;

import huzhu.core.sms.OptOutStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

final class SqlOptOuts implements OptOutStore {
    private final Sql sql;

    SqlOptOuts(Sql sql) {
        this.sql = sql;
    }
    @Override
    public void record(String e164, Instant at) {
        sql.tx(c -> execute(c, "INSERT INTO opt_outs (phone, at) VALUES (?, ?) ON CONFLICT (phone) DO NOTHING", e164,
                nanos(at)));
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        return sql.tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT at FROM opt_outs WHERE phone = ?", e164);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fromNanos(rs.getLong(1))) : Optional.<Instant>empty();
            }
        });
    }

    @Override
    public void clear(String e164) {
        sql.tx(c -> execute(c, "DELETE FROM opt_outs WHERE phone = ?", e164));
    }
}
