package huzhu.local.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the embedded store, as numbered migrations. A data directory records the last one it ran
 * ({@code schema_version}); opening it runs the ones after that, so later builds can reshape the data
 * without losing it. Never edit a released migration: add the next one.
 */
final class Schema {
    static final List<List<String>> MIGRATIONS = List.of(
            // 1: documents plus the columns the ports search and sort by
            List.of(
                    """
                    CREATE TABLE directory (
                      kind  TEXT NOT NULL,
                      id    TEXT NOT NULL,
                      phone TEXT,
                      city  TEXT,
                      level INTEGER,
                      doc   TEXT NOT NULL,
                      PRIMARY KEY (kind, id),
                      UNIQUE (kind, phone))""",
                    "CREATE INDEX directory_city ON directory (kind, city)",
                    "CREATE INDEX directory_level ON directory (kind, level)",
                    """
                    CREATE TABLE family_phones (
                      phone     TEXT NOT NULL,
                      member_id TEXT NOT NULL,
                      PRIMARY KEY (phone, member_id))""",
                    "CREATE INDEX family_phones_member ON family_phones (member_id)",
                    """
                    CREATE TABLE trigger_tokens (
                      token_hash TEXT PRIMARY KEY,
                      member_id  TEXT NOT NULL UNIQUE)""",
                    """
                    CREATE TABLE incidents (
                      id                 TEXT PRIMARY KEY,
                      status             TEXT NOT NULL,
                      created_at         INTEGER NOT NULL,
                      next_escalation_at INTEGER,
                      version            INTEGER NOT NULL,
                      doc                TEXT NOT NULL)""",
                    "CREATE INDEX incidents_newest ON incidents (created_at DESC, id DESC)",
                    "CREATE INDEX incidents_status ON incidents (status, created_at DESC, id DESC)",
                    "CREATE INDEX incidents_deadline ON incidents (next_escalation_at) WHERE next_escalation_at IS NOT NULL",
                    """
                    CREATE TABLE followups (
                      id          TEXT PRIMARY KEY,
                      incident_id TEXT,
                      status      TEXT NOT NULL,
                      due_day     INTEGER NOT NULL,
                      doc         TEXT NOT NULL)""",
                    "CREATE INDEX followups_due ON followups (due_day, id)",
                    "CREATE INDEX followups_incident ON followups (incident_id)",
                    "CREATE TABLE settings (name TEXT PRIMARY KEY, doc TEXT NOT NULL)",
                    """
                    CREATE TABLE idempotency (
                      key        TEXT PRIMARY KEY,
                      value      TEXT NOT NULL,
                      expires_at INTEGER NOT NULL)""",
                    "CREATE INDEX idempotency_expiry ON idempotency (expires_at)"),
            // 2: the audit log, read newest first by time range
            List.of(
                    """
                    CREATE TABLE audit (
                      id  TEXT PRIMARY KEY,
                      at  INTEGER NOT NULL,
                      doc TEXT NOT NULL)""",
                    "CREATE INDEX audit_newest ON audit (at DESC, id DESC)"),
            // 3: family introductions, notices with their deliveries and replies, assistance
            // applications, leases; and who holds a trigger token is now asked by member
            List.of(
                    """
                    CREATE TABLE introductions (
                      member_id    TEXT NOT NULL,
                      phone        TEXT NOT NULL,
                      status       TEXT NOT NULL,
                      requested_at INTEGER NOT NULL,
                      version      INTEGER NOT NULL,
                      doc          TEXT NOT NULL,
                      PRIMARY KEY (member_id, phone))""",
                    "CREATE INDEX introductions_status ON introductions (status, requested_at, member_id, phone)",
                    """
                    CREATE TABLE notices (
                      id         TEXT PRIMARY KEY,
                      created_at INTEGER NOT NULL,
                      due_at     INTEGER,
                      version    INTEGER NOT NULL,
                      doc        TEXT NOT NULL)""",
                    "CREATE INDEX notices_newest ON notices (created_at DESC, id DESC)",
                    "CREATE INDEX notices_due ON notices (due_at, id) WHERE due_at IS NOT NULL",
                    """
                    CREATE TABLE notice_deliveries (
                      notice_id TEXT NOT NULL,
                      phone     TEXT NOT NULL,
                      status    TEXT NOT NULL,
                      sent_at   INTEGER,
                      version   INTEGER NOT NULL,
                      doc       TEXT NOT NULL,
                      PRIMARY KEY (notice_id, phone))""",
                    "CREATE INDEX notice_deliveries_phone ON notice_deliveries (phone, sent_at) WHERE status = 'sent'",
                    """
                    CREATE TABLE notice_replies (
                      id        TEXT PRIMARY KEY,
                      notice_id TEXT NOT NULL,
                      at        INTEGER NOT NULL,
                      doc       TEXT NOT NULL)""",
                    "CREATE INDEX notice_replies_thread ON notice_replies (notice_id, at, id)",
                    """
                    CREATE TABLE applications (
                      id           TEXT PRIMARY KEY,
                      member_id    TEXT NOT NULL,
                      status       TEXT NOT NULL,
                      submitted_at INTEGER NOT NULL,
                      version      INTEGER NOT NULL,
                      doc          TEXT NOT NULL)""",
                    "CREATE INDEX applications_newest ON applications (submitted_at DESC, id DESC)",
                    "CREATE INDEX applications_status ON applications (status, submitted_at DESC, id DESC)",
                    "CREATE INDEX applications_member ON applications (member_id, submitted_at DESC, id DESC)",
                    """
                    CREATE TABLE leases (
                      name  TEXT PRIMARY KEY,
                      owner TEXT NOT NULL,
                      until INTEGER NOT NULL)"""),
            // 4: phones that texted STOP (CONTRACT §5), whoever they are
            List.of("""
                    CREATE TABLE opt_outs (
                      phone TEXT PRIMARY KEY,
                      at    INTEGER NOT NULL)"""),
            // 5: care rounds (their follow-ups by round), requests to change family contacts
            List.of(
                    "ALTER TABLE followups ADD COLUMN round_id TEXT",
                    "CREATE INDEX followups_round ON followups (round_id) WHERE round_id IS NOT NULL",
                    """
                    CREATE TABLE rounds (
                      id         TEXT PRIMARY KEY,
                      created_at INTEGER NOT NULL,
                      doc        TEXT NOT NULL)""",
                    "CREATE INDEX rounds_newest ON rounds (created_at DESC, id DESC)",
                    """
                    CREATE TABLE contact_requests (
                      id         TEXT PRIMARY KEY,
                      member_id  TEXT NOT NULL,
                      status     TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      version    INTEGER NOT NULL,
                      doc        TEXT NOT NULL)""",
                    "CREATE INDEX contact_requests_newest ON contact_requests (created_at DESC, id DESC)",
                    "CREATE INDEX contact_requests_status ON contact_requests (status, created_at DESC, id DESC)",
                    "CREATE INDEX contact_requests_member ON contact_requests (member_id, created_at DESC, id DESC)"));

    static final int LATEST = MIGRATIONS.size();

    private Schema() {
    }

    /** Brings the database up to {@link #LATEST} in one transaction; the caller commits. */
    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int current = version(c);
            if (current > LATEST) {
                throw new IllegalStateException("the data directory was written by a newer huzhu (schema "
                        + current + ", this build knows " + LATEST + ")");
            }
            for (int v = current + 1; v <= LATEST; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) s.execute(sql);
            }
            if (current != LATEST) {
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version (version) VALUES (" + LATEST + ")");
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
