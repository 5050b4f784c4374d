package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.exists;
import static huzhu.local.store.Sql.first;

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

    SqlFollowUps(Sql sql) {
        this.sql = sql;
    }


    @Override
    public void insert(FollowUp followUp) {
        sql.tx(c -> {
            int inserted = execute(c, """
                    INSERT OR IGNORE INTO followups (id, incident_id, round_id, status, due_day, doc)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    followUp.id(), followUp.incidentId(), followUp.roundId(), followUp.status().wire(), dueDay(followUp),
                    sql.json.write(followUp));
            if (inserted == 0) throw new IllegalStateException("followup " + followUp.id() + " already exists");
            return null;
        });
    }

    @Override
    public void replace(FollowUp followUp) {
        sql.tx(c -> {
            int changed = execute(c, """
                    UPDATE followups SET incident_id = ?, round_id = ?, status = ?, due_day = ?, doc = ?
                    WHERE id = ? AND COALESCE(json_extract(doc, '$.version'), 0) = ?""",
                    followUp.incidentId(), followUp.roundId(), followUp.status().wire(), dueDay(followUp),
                    sql.json.write(followUp), followUp.id(), followUp.version() - 1);
            if (changed > 0) return null;
            if (exists(c, "SELECT 1 FROM followups WHERE id = ?", followUp.id())) {
                throw new StaleWrite("followup", followUp.id());
            }
            throw new NotFound("followup");
        });
    }

    @Override
    public Optional<FollowUp> get(String id) {
        return sql.tx(c -> first(sql.docs(c, FollowUp.class, "SELECT doc FROM followups WHERE id = ?", id)));
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
