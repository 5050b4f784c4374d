package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.whereTime;

import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqlApplications implements ApplicationStore {
    private static final NewestFirst<AssistanceApplication> LISTING = new NewestFirst<>("applications", AssistanceApplication.class, "applications", "submitted_at",
            AssistanceApplication::submittedAt, AssistanceApplication::id);

    private final Sql sql;

    SqlApplications(Sql sql) {
        this.sql = sql;
    }


    @Override
    public void insert(AssistanceApplication a) {
        sql.tx(c -> {
            int inserted = execute(c, """
                    INSERT OR IGNORE INTO applications (id, member_id, status, submitted_at, version, doc)
                    VALUES (?, ?, ?, ?, ?, ?)""", a.id(), a.memberId(), a.status().wire(), nanos(a.submittedAt()),
                    a.version(), sql.json.write(a));
            if (inserted == 0) throw new IllegalStateException("application " + a.id() + " already exists");
            return null;
        });
    }

    @Override
    public void update(AssistanceApplication a) {
        sql.tx(c -> {
            int changed = execute(c, """
                    UPDATE applications SET member_id = ?, status = ?, submitted_at = ?, version = ?, doc = ?
                    WHERE id = ? AND version = ?""", a.memberId(), a.status().wire(), nanos(a.submittedAt()),
                    a.version(), sql.json.write(a), a.id(), a.version() - 1);
            if (changed == 0) throw new StaleWrite("application", a.id());
            return null;
        });
    }

    @Override
    public Optional<AssistanceApplication> get(String id) {
        return sql.tx(c -> first(sql.docs(c, AssistanceApplication.class, "SELECT doc FROM applications WHERE id = ?", id)));
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
        StringBuilder query = new StringBuilder("SELECT doc FROM applications WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        whereTime(query, params, "submitted_at", from, to);
        query.append(" ORDER BY submitted_at, id");
        return sql.tx(c -> sql.docs(c, AssistanceApplication.class, query.toString(), params.toArray()));
    }
}
