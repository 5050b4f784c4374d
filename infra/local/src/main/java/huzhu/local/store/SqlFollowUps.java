package huzhu.local.store;

import static huzhu.local.store.Sql.exists;

import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.care.FollowUpStore;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqlFollowUps implements FollowUpStore {
    private static final long NO_DUE_DATE = Long.MAX_VALUE;

    private final Sql sql;
    /** A follow-up written before follow-ups had versions has none in its document: it is version 0. */
    private final DocTable<FollowUp> rows;

    SqlFollowUps(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "followups", "followup", FollowUp.class)
                .key("id", FollowUp::id)
                .column("incident_id", FollowUp::incidentId)
                .column("round_id", FollowUp::roundId)
                .column("status", f -> f.status().wire())
                .column("due_day", SqlFollowUps::dueDay)
                .versionIn("COALESCE(json_extract(doc, '$.version'), 0)", FollowUp::version);
    }

    @Override
    public void insert(FollowUp followUp) {
        rows.insert(followUp);
    }

    @Override
    public void replace(FollowUp followUp) {
        sql.tx(c -> {
            if (rows.tryReplace(c, followUp)) return null;
            if (exists(c, "SELECT 1 FROM followups WHERE id = ?", followUp.id())) {
                throw new StaleWrite("followup", followUp.id());
            }
            throw new NotFound("followup");
        });
    }

    @Override
    public Optional<FollowUp> get(String id) {
        return rows.get(id);
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        return sql.tx(c -> sql.docs(c, FollowUp.class,
                "SELECT doc FROM followups WHERE incident_id = ? ORDER BY due_day, id", incidentId));
    }

    @Override
    public List<FollowUp> forRound(String roundId) {
        return sql.tx(c -> sql.docs(c, FollowUp.class,
                "SELECT doc FROM followups WHERE round_id = ? ORDER BY due_day, id", roundId));
    }

    @Override
    public Page<FollowUp> list(StatusFilter<FollowUpStatus> status, PageRequest request) {
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "followups", 2);
        int limit = request.limit();

        StringBuilder query = new StringBuilder("SELECT doc FROM followups WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!status.everything()) {
            query.append(" AND status = ?");
            params.add(status.single().wire());
        }
        if (after != null) {
            long due = Cursor.number(after[0]);
            query.append(" AND (due_day > ? OR (due_day = ? AND id > ?))");
            params.addAll(List.of(due, due, after[1]));
        }
        query.append(" ORDER BY due_day, id LIMIT ?");
        params.add(limit + 1);

        return sql.tx(c -> Page.of(sql.docs(c, FollowUp.class, query.toString(), params.toArray()), limit,
                f -> Cursor.encode("followups", Long.toString(dueDay(f)), f.id())));
    }

    /** Follow-ups sort by due date, those without one last. */
    private static long dueDay(FollowUp f) {
        LocalDate due = f.dueDate();
        return due == null ? NO_DUE_DATE : due.toEpochDay();
    }
}
