package huzhu.local.store;

import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.nanosOrNull;
import static huzhu.local.store.Sql.whereTime;

import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.UnderWay;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class SqlIncidents implements IncidentStore {
    private static final List<String> ACTIVE = List.of(IncidentStatus.OPEN.wire(), IncidentStatus.ACKNOWLEDGED.wire());
    private static final NewestFirst<Incident> LISTING = new NewestFirst<>("incidents", Incident.class, "incidents",
            "created_at", Incident::createdAt, Incident::id);

    private final Sql sql;
    private final DocTable<Incident> rows;
    /** The active incidents the last {@link #active()} read, by id: only what it replaces them with is parsed. */
    private volatile Map<String, Incident> lastActive = Map.of();

    SqlIncidents(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "incidents", "incident", Incident.class)
                .key("id", Incident::id)
                .column("status", i -> i.status().wire())
                .column("created_at", i -> nanos(i.createdAt()))
                .column("next_escalation_at", i -> nanosOrNull(i.nextEscalationAt()))
                .version(Incident::version);
    }


    @Override
    public void create(Incident incident) {
        sql.tx(c -> insert(c, incident));
    }

    @Override
    public void createUnlessUnderWay(Incident incident) {
        if (incident.memberId() == null || incident.type() == IncidentType.BEREAVEMENT) {
            create(incident);
            return;
        }
        sql.tx(c -> {
            // the store's one lock holds every other writer off between this look and the insert. Only the member's
            // own active incidents are parsed (a surge's many are not), and not this one: the same incident again is a
            // stale write (a redelivery), which the insert tells
            Optional<Incident> underWay = sql.docs(c, Incident.class, """
                            SELECT doc FROM incidents
                            WHERE status IN (?, ?) AND json_extract(doc, '$.memberId') = ? AND id <> ?
                            ORDER BY created_at DESC, id DESC""",
                            ACTIVE.get(0), ACTIVE.get(1), incident.memberId(), incident.id()).stream()
                    .filter(i -> i.type() != IncidentType.BEREAVEMENT)
                    .findFirst();
            if (underWay.isPresent() && !exists(c, incident.id())) throw new UnderWay(underWay.get().id());
            return insert(c, incident);
        });
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT 1 FROM incidents WHERE id = ?", id);
                ResultSet rows = ps.executeQuery()) {
            return rows.next();
        }
    }

    /** An incident's id is drawn fresh: one already stored is the same incident again, a redelivery. */
    private Void insert(Connection c, Incident incident) throws SQLException {
        if (!rows.tryInsert(c, incident)) throw new StaleWrite("incident", incident.id());
        return null;
    }

    @Override
    public Optional<Incident> get(String id) {
        return rows.get(id);
    }

    @Override
    public void update(Incident updated) {
        rows.update(updated);
    }

    /**
     * Every text, tap and sweep reads the active incidents, and parsing each one's JSON was most of the embedded
     * stack's work on a bad night. A version of an incident never changes once written (each update writes the
     * next), so the ones read last time are kept by id and version and parsed again only when they changed.
     */
    @Override
    public List<Incident> active() {
        return sql.tx(c -> {
            Map<String, Incident> known = lastActive;
            Map<String, Incident> now = new HashMap<>();
            List<Incident> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(c, """
                    SELECT id, version, doc FROM incidents WHERE status IN (?, ?)
                    ORDER BY created_at DESC, id DESC""", ACTIVE.toArray()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Incident seen = known.get(rs.getString(1));
                    Incident incident = seen != null && seen.version() == rs.getLong(2) ? seen
                            : sql.json.read(rs.getString(3), Incident.class);
                    now.put(incident.id(), incident);
                    out.add(incident);
                }
            }
            lastActive = now;
            return out;
        });
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        return sql.tx(c -> sql.docs(c, Incident.class, """
                SELECT doc FROM incidents
                WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ? AND status IN (?, ?)
                ORDER BY next_escalation_at, id""", nanos(now), ACTIVE.get(0), ACTIVE.get(1)));
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest request) {
        return LISTING.page(sql, request, (select, params) -> {
            if (!query.status().everything()) {
                List<String> statuses = query.status().wires();
                select.append(" AND status IN (").append(String.join(", ", Collections.nCopies(statuses.size(), "?")))
                        .append(')');
                params.addAll(statuses);
            }
            whereTime(select, params, "created_at", query.from(), query.to());
        });
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        return rows.between("created_at", from, to);
    }
}
