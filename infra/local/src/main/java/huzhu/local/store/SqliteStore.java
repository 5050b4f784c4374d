package huzhu.local.store;

import huzhu.core.Store;
import huzhu.core.error.DependencyFailure;
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
    private final Ports ports;

    private SqliteStore(Connection connection) {
        this.sql = new Sql(connection);
        this.ports = new Ports(new SqlDirectory(sql), new SqlTriggerTokens(sql), new SqlIncidents(sql),
                new SqlSettings(sql), new SqlIdempotency(sql), new SqlAuditLog(sql), new SqlFollowUps(sql),
                new SqlIntroductions(sql), new SqlNotices(sql), new SqlApplications(sql), new SqlLeases(sql),
                new SqlOptOuts(sql), new SqlCareRounds(sql), new SqlContactRequests(sql), new SqlGuides(sql));
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
    public Ports ports() {
        return ports;
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
