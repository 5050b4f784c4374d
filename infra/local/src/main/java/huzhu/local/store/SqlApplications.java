package huzhu.local.store;

import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqlApplications implements ApplicationStore {
    private static final NewestFirst<AssistanceApplication> LISTING = new NewestFirst<>("applications", AssistanceApplication.class, "applications", "submitted_at",
            AssistanceApplication::submittedAt, AssistanceApplication::id);

    private final Sql sql;
    private final DocTable<AssistanceApplication> rows;

    SqlApplications(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "applications", "application", AssistanceApplication.class)
                .key("id", AssistanceApplication::id)
                .column("member_id", AssistanceApplication::memberId)
                .column("status", a -> a.status().wire())
                .column("submitted_at", a -> nanos(a.submittedAt()))
                .version(AssistanceApplication::version);
    }

    @Override
    public void insert(AssistanceApplication a) {
        rows.insert(a);
    }

    @Override
    public void update(AssistanceApplication a) {
        rows.update(a);
    }

    @Override
    public Optional<AssistanceApplication> get(String id) {
        return rows.get(id);
    }

    @Override
    public Page<AssistanceApplication> list(StatusFilter<ApplicationStatus> status, PageRequest request) {
        return LISTING.page(sql, request, NewestFirst.status(status));
    }

    @Override
    public List<AssistanceApplication> ofMember(String memberId) {
        return sql.tx(c -> sql.docs(c, AssistanceApplication.class,
                "SELECT doc FROM applications WHERE member_id = ? ORDER BY submitted_at DESC, id DESC", memberId));
    }

    @Override
    public List<AssistanceApplication> submittedBetween(Instant from, Instant to) {
        return rows.between("submitted_at", from, to);
    }
}
