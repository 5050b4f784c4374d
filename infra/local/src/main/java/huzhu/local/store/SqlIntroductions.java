package huzhu.local.store;

import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.IntroductionStore;
import java.util.List;
import java.util.Optional;

final class SqlIntroductions implements IntroductionStore {
    private final Sql sql;
    private final DocTable<FamilyIntroduction> rows;

    SqlIntroductions(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "introductions", "introduction", FamilyIntroduction.class)
                .key("member_id", FamilyIntroduction::memberId)
                .key("phone", FamilyIntroduction::phone)
                .column("status", i -> i.status().wire())
                .column("requested_at", i -> nanos(i.requestedAt()))
                .version(FamilyIntroduction::version);
    }

    @Override
    public void save(FamilyIntroduction next) {
        rows.save(next);
    }

    @Override
    public Optional<FamilyIntroduction> get(String memberId, String phone) {
        return rows.get(memberId, phone);
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
