package huzhu.local.store;

import huzhu.core.Store;
import huzhu.core.audit.AuditEntry;
import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.directory.Area;
import huzhu.core.directory.DirectoryEntry;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Registry;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.DependencyFailure;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.StaleIncident;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The local stack's durable store: one SQLite file ({@code huzhu.db}) in a data directory, in WAL mode.
 * Each entity is kept whole as a JSON document, next to the few columns the ports search and sort by.
 * One connection, one lock: every call is a short transaction, so the checks that make a write
 * conditional (phone uniqueness, incident version) and the write itself cannot interleave with another
 * thread's. SQL failures that are not domain outcomes surface as {@link DependencyFailure}.
 */
public final class SqliteStore implements Store, AutoCloseable {
    public static final String FILE_NAME = "huzhu.db";

    private static final List<String> ACTIVE = List.of(IncidentStatus.OPEN.wire(), IncidentStatus.ACKNOWLEDGED.wire());
    private static final long NO_DUE_DATE = Long.MAX_VALUE;

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final StoredJson json = new StoredJson();
    private final SqlRegistry<Member> members;
    private final SqlRegistry<Volunteer> volunteers;
    private final SqlRegistry<Leader> leaders;

    private SqliteStore(Connection connection) {
        this.connection = connection;
        this.members = new SqlRegistry<>("member", Member.class, m -> city(m.homeArea()), m -> null);
        this.volunteers = new SqlRegistry<>("volunteer", Volunteer.class, v -> city(v.area()), v -> null);
        this.leaders = new SqlRegistry<>("leader", Leader.class, l -> null, Leader::level);
    }

    /** Opens (creating if needed) the store in {@code dataDir}, bringing its schema up to date. */
    public static SqliteStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Connection c = null;
        try {
            Files.createDirectories(dataDir);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // FULL: a commit survives a power cut too, not just a crash of this process
                s.execute("PRAGMA synchronous=FULL");
                // another process (a second local stack on the same directory) waits instead of failing at once
                s.execute("PRAGMA busy_timeout=5000");
            }
            c.setAutoCommit(false);
            Schema.migrate(c);
            c.commit();
            return new SqliteStore(c);
        } catch (SQLException | IOException e) {
            closeQuietly(c, e);
            throw new DependencyFailure("cannot open the embedded store in " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DependencyFailure("cannot close the embedded store", e);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- directory

    @Override
    public Registry<Member> members() {
        return members;
    }

    @Override
    public Registry<Volunteer> volunteers() {
        return volunteers;
    }

    @Override
    public Registry<Leader> leaders() {
        return leaders;
    }

    @Override
    public List<Member> membersWithFamilyPhone(String e164) {
        return tx(c -> docs(c, Member.class, """
                SELECT d.doc FROM family_phones f JOIN directory d ON d.kind = 'member' AND d.id = f.member_id
                WHERE f.phone = ? ORDER BY d.id""", e164));
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        return tx(c -> docs(c, Volunteer.class,
                "SELECT doc FROM directory WHERE kind = 'volunteer' AND city = ? ORDER BY id", city));
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return tx(c -> docs(c, Leader.class,
                "SELECT doc FROM directory WHERE kind = 'leader' AND level = ? ORDER BY id", level));
    }

    @Override
    public void bindTriggerToken(String memberId, String tokenHash) {
        tx(c -> {
            execute(c, "DELETE FROM trigger_tokens WHERE member_id = ? OR token_hash = ?", memberId, tokenHash);
            execute(c, "INSERT INTO trigger_tokens (token_hash, member_id) VALUES (?, ?)", tokenHash, memberId);
            return null;
        });
    }

    @Override
    public Optional<String> memberIdForTriggerToken(String tokenHash) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT member_id FROM trigger_tokens WHERE token_hash = ?",
                    tokenHash); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public boolean hasTriggerToken(String memberId) {
        return tx(c -> exists(c, "SELECT 1 FROM trigger_tokens WHERE member_id = ?", memberId));
    }

    @Override
    public void unbindTriggerToken(String memberId) {
        tx(c -> execute(c, "DELETE FROM trigger_tokens WHERE member_id = ?", memberId));
    }

    // ---------------------------------------------------------------- incidents

    @Override
    public void create(Incident incident) {
        tx(c -> {
            int inserted = execute(c, """
                    INSERT OR IGNORE INTO incidents (id, status, created_at, next_escalation_at, version, doc)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    incident.id(), incident.status().wire(), nanos(incident.createdAt()),
                    nanosOrNull(incident.nextEscalationAt()), incident.version(), json.write(incident));
            if (inserted == 0) throw new StaleIncident(incident.id());
            return null;
        });
    }

    @Override
    public Optional<Incident> incident(String id) {
        return tx(c -> first(docs(c, Incident.class, "SELECT doc FROM incidents WHERE id = ?", id)));
    }

    @Override
    public void update(Incident updated) {
        tx(c -> {
            int changed = execute(c, """
                    UPDATE incidents SET status = ?, created_at = ?, next_escalation_at = ?, version = ?, doc = ?
                    WHERE id = ? AND version = ?""",
                    updated.status().wire(), nanos(updated.createdAt()), nanosOrNull(updated.nextEscalationAt()),
                    updated.version(), json.write(updated), updated.id(), updated.version() - 1);
            if (changed == 0) throw new StaleIncident(updated.id());
            return null;
        });
    }

    @Override
    public List<Incident> active() {
        return tx(c -> docs(c, Incident.class,
                "SELECT doc FROM incidents WHERE status IN (?, ?) ORDER BY created_at DESC, id DESC",
                ACTIVE.toArray()));
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        return tx(c -> docs(c, Incident.class, """
                SELECT doc FROM incidents
                WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ? AND status IN (?, ?)
                ORDER BY next_escalation_at, id""", nanos(now), ACTIVE.get(0), ACTIVE.get(1)));
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest request) {
        List<String> statuses = incidentStatuses(query.status());
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "incidents", 2);
        int limit = limit(request);

        StringBuilder sql = new StringBuilder("SELECT doc FROM incidents WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (statuses != null) {
            sql.append(" AND status IN (").append(String.join(", ", Collections.nCopies(statuses.size(), "?")))
                    .append(')');
            params.addAll(statuses);
        }
        timeRange(sql, params, query.from(), query.to());
        if (after != null) {
            long createdAt = Cursor.number(after[0]);
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.addAll(List.of(createdAt, createdAt, after[1]));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);

        return tx(c -> page(docs(c, Incident.class, sql.toString(), params.toArray()), limit,
                i -> Cursor.encode("incidents", Long.toString(nanos(i.createdAt())), i.id())));
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT doc FROM incidents WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        timeRange(sql, params, from, to);
        sql.append(" ORDER BY created_at, id");
        return tx(c -> docs(c, Incident.class, sql.toString(), params.toArray()));
    }

    // ---------------------------------------------------------------- follow-ups

    @Override
    public void insert(FollowUp followUp) {
        tx(c -> {
            int inserted = execute(c, """
                    INSERT OR IGNORE INTO followups (id, incident_id, status, due_day, doc) VALUES (?, ?, ?, ?, ?)""",
                    followUp.id(), followUp.incidentId(), followUp.status().wire(), dueDay(followUp),
                    json.write(followUp));
            if (inserted == 0) throw new IllegalStateException("followup " + followUp.id() + " already exists");
            return null;
        });
    }

    @Override
    public void replace(FollowUp followUp) {
        tx(c -> {
            int changed = execute(c, "UPDATE followups SET incident_id = ?, status = ?, due_day = ?, doc = ? WHERE id = ?",
                    followUp.incidentId(), followUp.status().wire(), dueDay(followUp), json.write(followUp),
                    followUp.id());
            if (changed == 0) throw new NotFound("followup");
            return null;
        });
    }

    @Override
    public Optional<FollowUp> followUp(String id) {
        return tx(c -> first(docs(c, FollowUp.class, "SELECT doc FROM followups WHERE id = ?", id)));
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        return tx(c -> docs(c, FollowUp.class,
                "SELECT doc FROM followups WHERE incident_id = ? ORDER BY due_day, id", incidentId));
    }

    @Override
    public Page<FollowUp> followUps(String status, PageRequest request) {
        FollowUpStatus wanted = followUpStatus(status);
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "followups", 2);
        int limit = limit(request);

        StringBuilder sql = new StringBuilder("SELECT doc FROM followups WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (wanted != null) {
            sql.append(" AND status = ?");
            params.add(wanted.wire());
        }
        if (after != null) {
            long due = Cursor.number(after[0]);
            sql.append(" AND (due_day > ? OR (due_day = ? AND id > ?))");
            params.addAll(List.of(due, due, after[1]));
        }
        sql.append(" ORDER BY due_day, id LIMIT ?");
        params.add(limit + 1);

        return tx(c -> page(docs(c, FollowUp.class, sql.toString(), params.toArray()), limit,
                f -> Cursor.encode("followups", Long.toString(dueDay(f)), f.id())));
    }

    // ---------------------------------------------------------------- settings, idempotency

    @Override
    public Optional<EscalationPolicy> escalationPolicy() {
        return tx(c -> first(docs(c, EscalationPolicy.class,
                "SELECT doc FROM settings WHERE name = 'escalationPolicy'")));
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy) {
        tx(c -> execute(c, "INSERT OR REPLACE INTO settings (name, doc) VALUES ('escalationPolicy', ?)",
                json.write(policy)));
    }

    @Override
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        return tx(c -> {
            long at = nanos(now);
            // expired records are dead weight: forget them here rather than in a separate sweep
            execute(c, "DELETE FROM idempotency WHERE expires_at <= ?", at);
            try (PreparedStatement ps = prepare(c, "SELECT value FROM idempotency WHERE key = ?", key);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return Optional.of(rs.getString(1));
            }
            execute(c, "INSERT INTO idempotency (key, value, expires_at) VALUES (?, ?, ?)", key, value,
                    nanos(expiresAt));
            return Optional.<String>empty();
        });
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT value FROM idempotency WHERE key = ? AND expires_at > ?",
                    key, nanos(now)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    // ---------------------------------------------------------------- audit

    @Override
    public void append(AuditEntry entry) {
        tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO audit (id, at, doc) VALUES (?, ?, ?)", entry.id(),
                    nanos(entry.at()), json.write(entry));
            if (inserted == 0) throw new IllegalStateException("audit " + entry.id() + " already exists");
            return null;
        });
    }

    @Override
    public Page<AuditEntry> audit(Instant from, Instant to, PageRequest request) {
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "audit", 2);
        int limit = limit(request);
        StringBuilder sql = new StringBuilder("SELECT doc FROM audit WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (from != null) {
            sql.append(" AND at >= ?");
            params.add(nanos(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            params.add(nanos(to));
        }
        if (after != null) {
            long at = Cursor.number(after[0]);
            sql.append(" AND (at < ? OR (at = ? AND id < ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return tx(c -> page(docs(c, AuditEntry.class, sql.toString(), params.toArray()), limit,
                e -> Cursor.encode("audit", Long.toString(nanos(e.at())), e.id())));
    }

    // ---------------------------------------------------------------- family introductions (issue 9)

    @Override
    public void saveIntroduction(FamilyIntroduction next) {
        tx(c -> {
            int written = next.version() == 1
                    ? execute(c, """
                            INSERT OR IGNORE INTO introductions (member_id, phone, status, requested_at, version, doc)
                            VALUES (?, ?, ?, ?, ?, ?)""", next.memberId(), next.phone(), next.status().wire(),
                            nanos(next.requestedAt()), next.version(), json.write(next))
                    : execute(c, """
                            UPDATE introductions SET status = ?, requested_at = ?, version = ?, doc = ?
                            WHERE member_id = ? AND phone = ? AND version = ?""", next.status().wire(),
                            nanos(next.requestedAt()), next.version(), json.write(next), next.memberId(), next.phone(),
                            next.version() - 1);
            if (written == 0) throw new StaleWrite("introduction", next.memberId());
            return null;
        });
    }

    @Override
    public Optional<FamilyIntroduction> introduction(String memberId, String phone) {
        return tx(c -> first(docs(c, FamilyIntroduction.class,
                "SELECT doc FROM introductions WHERE member_id = ? AND phone = ?", memberId, phone)));
    }

    @Override
    public List<FamilyIntroduction> introductionsOf(String memberId) {
        return tx(c -> docs(c, FamilyIntroduction.class,
                "SELECT doc FROM introductions WHERE member_id = ? ORDER BY phone", memberId));
    }

    @Override
    public List<FamilyIntroduction> introductions() {
        return tx(c -> docs(c, FamilyIntroduction.class, "SELECT doc FROM introductions ORDER BY member_id, phone"));
    }

    @Override
    public List<FamilyIntroduction> introductionsWithStatus(IntroductionStatus status) {
        return tx(c -> docs(c, FamilyIntroduction.class,
                "SELECT doc FROM introductions WHERE status = ? ORDER BY requested_at, member_id, phone", status.wire()));
    }

    // ---------------------------------------------------------------- notices (issue 9)

    @Override
    public void insertNotice(Notice notice) {
        tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO notices (id, created_at, due_at, version, doc) VALUES (?, ?, ?, ?, ?)",
                    notice.id(), nanos(notice.createdAt()), nanosOrNull(notice.dueAt()), notice.version(),
                    json.write(notice));
            if (inserted == 0) throw new IllegalStateException("notice " + notice.id() + " already exists");
            return null;
        });
    }

    @Override
    public void updateNotice(Notice updated) {
        tx(c -> {
            int changed = execute(c, "UPDATE notices SET due_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?",
                    nanosOrNull(updated.dueAt()), updated.version(), json.write(updated), updated.id(),
                    updated.version() - 1);
            if (changed == 0) throw new StaleWrite("notice", updated.id());
            return null;
        });
    }

    @Override
    public Optional<Notice> notice(String id) {
        return tx(c -> first(docs(c, Notice.class, "SELECT doc FROM notices WHERE id = ?", id)));
    }

    @Override
    public Page<Notice> notices(PageRequest request) {
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "notices", 2);
        int limit = limit(request);
        return tx(c -> {
            List<Notice> rows;
            if (after == null) {
                rows = docs(c, Notice.class, "SELECT doc FROM notices ORDER BY created_at DESC, id DESC LIMIT ?",
                        limit + 1);
            } else {
                long at = Cursor.number(after[0]);
                rows = docs(c, Notice.class, """
                        SELECT doc FROM notices WHERE created_at < ? OR (created_at = ? AND id < ?)
                        ORDER BY created_at DESC, id DESC LIMIT ?""", at, at, after[1], limit + 1);
            }
            return page(rows, limit, n -> Cursor.encode("notices", Long.toString(nanos(n.createdAt())), n.id()));
        });
    }

    @Override
    public List<Notice> noticesDue(Instant now) {
        return tx(c -> docs(c, Notice.class,
                "SELECT doc FROM notices WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id", nanos(now)));
    }

    @Override
    public boolean insertDelivery(NoticeDelivery d) {
        return tx(c -> execute(c, """
                INSERT OR IGNORE INTO notice_deliveries (notice_id, phone, status, sent_at, version, doc)
                VALUES (?, ?, ?, ?, ?, ?)""", d.noticeId(), d.phone(), d.status().wire(), nanosOrNull(d.sentAt()),
                d.version(), json.write(d)) > 0);
    }

    @Override
    public void updateDelivery(NoticeDelivery d) {
        tx(c -> {
            int changed = execute(c, """
                    UPDATE notice_deliveries SET status = ?, sent_at = ?, version = ?, doc = ?
                    WHERE notice_id = ? AND phone = ? AND version = ?""", d.status().wire(), nanosOrNull(d.sentAt()),
                    d.version(), json.write(d), d.noticeId(), d.phone(), d.version() - 1);
            if (changed == 0) throw new StaleWrite("delivery", d.noticeId());
            return null;
        });
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        return tx(c -> docs(c, NoticeDelivery.class,
                "SELECT doc FROM notice_deliveries WHERE notice_id = ? ORDER BY phone", noticeId));
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        return tx(c -> first(docs(c, NoticeDelivery.class, """
                SELECT doc FROM notice_deliveries WHERE phone = ? AND status = 'sent' AND sent_at >= ?
                ORDER BY sent_at DESC, notice_id DESC LIMIT 1""", phone, nanos(since))));
    }

    @Override
    public void appendReply(NoticeReply reply) {
        tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO notice_replies (id, notice_id, at, doc) VALUES (?, ?, ?, ?)",
                    reply.id(), reply.noticeId(), nanos(reply.at()), json.write(reply));
            if (inserted == 0) throw new IllegalStateException("reply " + reply.id() + " already exists");
            return null;
        });
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return tx(c -> docs(c, NoticeReply.class,
                "SELECT doc FROM notice_replies WHERE notice_id = ? ORDER BY at, id", noticeId));
    }

    // ---------------------------------------------------------------- assistance applications (issue 9)

    @Override
    public void insertApplication(AssistanceApplication a) {
        tx(c -> {
            int inserted = execute(c, """
                    INSERT OR IGNORE INTO applications (id, member_id, status, submitted_at, version, doc)
                    VALUES (?, ?, ?, ?, ?, ?)""", a.id(), a.memberId(), a.status().wire(), nanos(a.submittedAt()),
                    a.version(), json.write(a));
            if (inserted == 0) throw new IllegalStateException("application " + a.id() + " already exists");
            return null;
        });
    }

    @Override
    public void updateApplication(AssistanceApplication a) {
        tx(c -> {
            int changed = execute(c, """
                    UPDATE applications SET member_id = ?, status = ?, submitted_at = ?, version = ?, doc = ?
                    WHERE id = ? AND version = ?""", a.memberId(), a.status().wire(), nanos(a.submittedAt()),
                    a.version(), json.write(a), a.id(), a.version() - 1);
            if (changed == 0) throw new StaleWrite("application", a.id());
            return null;
        });
    }

    @Override
    public Optional<AssistanceApplication> application(String id) {
        return tx(c -> first(docs(c, AssistanceApplication.class, "SELECT doc FROM applications WHERE id = ?", id)));
    }

    @Override
    public Page<AssistanceApplication> applications(String status, PageRequest request) {
        ApplicationStatus wanted = applicationStatus(status);
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "applications", 2);
        int limit = limit(request);
        StringBuilder sql = new StringBuilder("SELECT doc FROM applications WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (wanted != null) {
            sql.append(" AND status = ?");
            params.add(wanted.wire());
        }
        if (after != null) {
            long at = Cursor.number(after[0]);
            sql.append(" AND (submitted_at < ? OR (submitted_at = ? AND id < ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        sql.append(" ORDER BY submitted_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return tx(c -> page(docs(c, AssistanceApplication.class, sql.toString(), params.toArray()), limit,
                a -> Cursor.encode("applications", Long.toString(nanos(a.submittedAt())), a.id())));
    }

    @Override
    public List<AssistanceApplication> applicationsOf(String memberId) {
        return tx(c -> docs(c, AssistanceApplication.class,
                "SELECT doc FROM applications WHERE member_id = ? ORDER BY submitted_at DESC, id DESC", memberId));
    }

    @Override
    public List<AssistanceApplication> applicationsSubmittedBetween(Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT doc FROM applications WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (from != null) {
            sql.append(" AND submitted_at >= ?");
            params.add(nanos(from));
        }
        if (to != null) {
            sql.append(" AND submitted_at < ?");
            params.add(nanos(to));
        }
        sql.append(" ORDER BY submitted_at, id");
        return tx(c -> docs(c, AssistanceApplication.class, sql.toString(), params.toArray()));
    }

    // ---------------------------------------------------------------- leases

    @Override
    public boolean acquireLease(String name, String owner, Instant until, Instant now) {
        return tx(c -> execute(c, """
                INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
                WHERE leases.until <= ? OR leases.owner = excluded.owner""", name, owner, nanos(until), nanos(now)) > 0);
    }

    @Override
    public void releaseLease(String name, String owner) {
        tx(c -> execute(c, "DELETE FROM leases WHERE name = ? AND owner = ?", name, owner));
    }

    private static ApplicationStatus applicationStatus(String word) {
        if (word == null || word.equalsIgnoreCase("all")) return null;
        ApplicationStatus status = Wire.parse(ApplicationStatus.class, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return status;
    }

    @Override
    public void recordOptOut(String e164, Instant at) {
        tx(c -> execute(c, "INSERT INTO opt_outs (phone, at) VALUES (?, ?) ON CONFLICT (phone) DO NOTHING", e164,
                nanos(at)));
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        return tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT at FROM opt_outs WHERE phone = ?", e164);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fromNanos(rs.getLong(1))) : Optional.<Instant>empty();
            }
        });
    }

    @Override
    public void clearOptOut(String e164) {
        tx(c -> execute(c, "DELETE FROM opt_outs WHERE phone = ?", e164));
    }

    // ---------------------------------------------------------------- the directory's registries

    private final class SqlRegistry<T extends DirectoryEntry> implements Registry<T> {
        private final String kind;
        private final Class<T> type;
        private final Function<T, String> city;
        private final Function<T, Integer> level;

        SqlRegistry(String kind, Class<T> type, Function<T, String> city, Function<T, Integer> level) {
            this.kind = kind;
            this.type = type;
            this.city = city;
            this.level = level;
        }

        @Override
        public Optional<T> get(String id) {
            return tx(c -> first(docs(c, type, "SELECT doc FROM directory WHERE kind = ? AND id = ?", kind, id)));
        }

        @Override
        public Optional<T> byPhone(String e164) {
            return tx(c -> first(docs(c, type, "SELECT doc FROM directory WHERE kind = ? AND phone = ?", kind,
                    e164)));
        }

        @Override
        public Page<T> page(PageRequest request) {
            int limit = limit(request);
            return tx(c -> {
                List<T> rows = request.cursor() == null
                        ? docs(c, type, "SELECT doc FROM directory WHERE kind = ? ORDER BY id LIMIT ?", kind,
                                limit + 1)
                        : docs(c, type, "SELECT doc FROM directory WHERE kind = ? AND id > ? ORDER BY id LIMIT ?",
                                kind, Cursor.decode(request.cursor(), kind, 1)[0], limit + 1);
                return SqliteStore.page(rows, limit, e -> Cursor.encode(kind, e.id()));
            });
        }

        @Override
        public List<T> all() {
            return tx(c -> docs(c, type, "SELECT doc FROM directory WHERE kind = ? ORDER BY id", kind));
        }

        @Override
        public void insert(T entry) {
            tx(c -> {
                if (exists(c, "SELECT 1 FROM directory WHERE kind = ? AND id = ?", kind, entry.id())) {
                    throw new IllegalStateException(kind + " " + entry.id() + " already exists");
                }
                refuseTakenPhone(c, entry);
                execute(c, "INSERT INTO directory (kind, id, phone, city, level, doc) VALUES (?, ?, ?, ?, ?, ?)",
                        kind, entry.id(), entry.phone(), city.apply(entry), level.apply(entry), json.write(entry));
                indexFamilyPhones(c, entry);
                return null;
            });
        }

        @Override
        public void update(T entry) {
            tx(c -> {
                if (!exists(c, "SELECT 1 FROM directory WHERE kind = ? AND id = ?", kind, entry.id())) {
                    throw new NotFound(kind);
                }
                refuseTakenPhone(c, entry);
                execute(c, "UPDATE directory SET phone = ?, city = ?, level = ?, doc = ? WHERE kind = ? AND id = ?",
                        entry.phone(), city.apply(entry), level.apply(entry), json.write(entry), kind, entry.id());
                indexFamilyPhones(c, entry);
                return null;
            });
        }

        @Override
        public boolean delete(String id) {
            return tx(c -> {
                if (kind.equals("member")) execute(c, "DELETE FROM family_phones WHERE member_id = ?", id);
                return execute(c, "DELETE FROM directory WHERE kind = ? AND id = ?", kind, id) > 0;
            });
        }

        private void refuseTakenPhone(Connection c, T entry) throws SQLException {
            if (entry.phone() != null && exists(c, "SELECT 1 FROM directory WHERE kind = ? AND phone = ? AND id <> ?",
                    kind, entry.phone(), entry.id())) {
                throw new Registry.PhoneTaken(kind);
            }
        }

        private void indexFamilyPhones(Connection c, T entry) throws SQLException {
            if (!(entry instanceof Member member)) return;
            execute(c, "DELETE FROM family_phones WHERE member_id = ?", member.id());
            for (FamilyContact contact : member.familyContacts()) {
                if (contact.phone() == null) continue;
                execute(c, "INSERT OR IGNORE INTO family_phones (phone, member_id) VALUES (?, ?)", contact.phone(),
                        member.id());
            }
        }
    }

    // ---------------------------------------------------------------- SQL plumbing

    @FunctionalInterface
    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /** Runs one unit of work in its own transaction, holding the store's lock. */
    private <R> R tx(Work<R> work) {
        lock.lock();
        try {
            R result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new DependencyFailure("embedded store failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void rollback(Exception cause) {
        try {
            if (!connection.isClosed()) connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private <T> List<T> docs(Connection c, Class<T> type, String sql, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(json.read(rs.getString(1), type));
        }
        return out;
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** {@code rows} holds up to limit + 1 items; the extra one only says that another page exists. */
    private static <T> Page<T> page(List<T> rows, int limit, Function<T, String> cursorAfter) {
        if (rows.size() <= limit) return new Page<>(rows, null);
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorAfter.apply(items.get(limit - 1)));
    }

    private static void timeRange(StringBuilder sql, List<Object> params, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND created_at >= ?");
            params.add(nanos(from));
        }
        if (to != null) {
            sql.append(" AND created_at < ?");
            params.add(nanos(to));
        }
    }

    /** The status words to match, or null for every status. */
    private static List<String> incidentStatuses(String word) {
        if (word == null || word.equalsIgnoreCase("all")) return null;
        if (word.equalsIgnoreCase("active")) return ACTIVE;
        IncidentStatus status = Wire.parse(IncidentStatus.class, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return List.of(status.wire());
    }

    private static FollowUpStatus followUpStatus(String word) {
        if (word == null || word.equalsIgnoreCase("all")) return null;
        FollowUpStatus status = Wire.parse(FollowUpStatus.class, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return status;
    }

    private static int limit(PageRequest request) {
        if (request.limit() < 1) return PageRequest.DEFAULT_LIMIT;
        return Math.min(request.limit(), PageRequest.MAX_LIMIT);
    }

    /** Nanoseconds since the epoch: exact, and ordered like the instants (saturating beyond year 2262). */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException beyondRange) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static Long nanosOrNull(Instant t) {
        return t == null ? null : nanos(t);
    }

    /** Follow-ups sort by due date, those without one last. */
    private static long dueDay(FollowUp f) {
        LocalDate due = f.dueDate();
        return due == null ? NO_DUE_DATE : due.toEpochDay();
    }

    private static String city(Area area) {
        return area == null ? null : area.city();
    }

    private static void closeQuietly(Connection c, Exception cause) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
