package huzhu.local.store;

import huzhu.core.Store;
import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.FollowUpStore;
import huzhu.core.care.IntroductionStore;
import huzhu.core.care.LeaseStore;
import huzhu.core.care.NoticeStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OptOutStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local stack's durable store: one SQLite file ({@code huzhu.db}) in a data directory, in WAL mode.
 * Each entity is kept whole as a JSON document, next to the few columns the ports search and sort by; one
 * class per aggregate implements its port, all on one connection ({@link Sql}).
 */
public final class SqliteStore implements Store, AutoCloseable {
    public static final String FILE_NAME = "huzhu.db";

    private final Sql sql;
    private final SqlDirectory directory;
    private final SqlTriggerTokens triggerTokens;
    private final SqlIncidents incidents;
    private final SqlSettings settings;
    private final SqlIdempotency idempotency;
    private final SqlAuditLog audit;
    private final SqlFollowUps followUps;
    private final SqlIntroductions introductions;
    private final SqlNotices notices;
    private final SqlApplications applications;
    private final SqlLeases leases;
    private final SqlOptOuts optOuts;

    private SqliteStore(Connection connection) {
        this.sql = new Sql(connection);
        this.directory = new SqlDirectory(sql);
        this.triggerTokens = new SqlTriggerTokens(sql);
        this.incidents = new SqlIncidents(sql);
        this.settings = new SqlSettings(sql);
        this.idempotency = new SqlIdempotency(sql);
        this.audit = new SqlAuditLog(sql);
        this.followUps = new SqlFollowUps(sql);
        this.introductions = new SqlIntroductions(sql);
        this.notices = new SqlNotices(sql);
        this.applications = new SqlApplications(sql);
        this.leases = new SqlLeases(sql);
        this.optOuts = new SqlOptOuts(sql);
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
        sql.close();
    }

    @Override
    public DirectoryStore directory() {
        return directory;
    }

    @Override
    public TriggerTokenStore triggerTokens() {
        return triggerTokens;
    }

    @Override
    public IncidentStore incidents() {
        return incidents;
    }

    @Override
    public SettingsStore settings() {
        return settings;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public FollowUpStore followUps() {
        return followUps;
    }

    @Override
    public IntroductionStore introductions() {
        return introductions;
    }

    @Override
    public NoticeStore notices() {
        return notices;
    }

    @Override
    public ApplicationStore applications() {
        return applications;
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public OptOutStore optOuts() {
        return optOuts;
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
