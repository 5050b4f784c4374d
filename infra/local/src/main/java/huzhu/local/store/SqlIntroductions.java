package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.IntroductionStore;
import huzhu.core.kernel.StaleWrite;
import java.util.List;
import java.util.Optional;

final class SqlIntroductions implements IntroductionStore {
    private final Sql sql;

    SqlIntroductions(Sql sql) {
        this.sql = sql;
    }


    @Override
    public void save(FamilyIntroduction next) {
        sql.tx(c -> {
            int written = next.version() == 1
                    ? execute(c, """
                            INSERT OR IGNORE INTO introductions (member_id, phone, status, requested_at, version, doc)
                            VALUES (?, ?, ?, ?, ?, ?)""", next.memberId(), next.phone(), next.status().wire(),
                            nanos(next.requestedAt()), next.version(), sql.json.write(next))
                    : execute(c, """
                            UPDATE introductions SET status = ?, requested_at = ?, version = ?, doc = ?
                            WHERE member_id = ? AND phone = ? AND version = ?""", next.status().wire(),
                            nanos(next.requestedAt()), next.version(), sql.json.write(next), next.memberId(), next.phone(),
                            next.version() - 1);
            if (written == 0) throw new StaleWrite("introduction", next.memberId());
            return null;
        });
    }

    @Override
    public Optional<FamilyIntroduction> get(String memberId, String phone) {
        return sql.tx(c -> first(sql.docs(c, FamilyIntroduction.class,
                "SELECT doc FROM introductions WHERE member_id = ? AND phone = ?", memberId, phone)));
    }

    @Override
    public List<FamilyIntroduction> ofMember(String memberId) {
        return sql.tx(c -> sql.docs(c, FamilyIntroduction.class,
                "SELECT doc FROM introductions WHERE member_id = ? ORDER BY phone", memberId));
    }

    @Override
    public List<FamilyIntroduction> all() {
        return sql.tx(c -> sql.docs(c, FamilyIntroduction.class, "SELECT doc FROM introductions ORDER BY member_id, phone"));
    }

    @Override
    public List<FamilyIntroduction> withStatus(IntroductionStatus status) {
        return sql.tx(c -> sql.docs(c, FamilyIntroduction.class,
                "SELECT doc FROM introductions WHERE status = ? ORDER BY requested_at, member_id, phone", status.wire()));
    }
}
