package huzhu.local.store;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.model.AuditEntry;
import huzhu.core.model.EscalationPolicy;
import huzhu.core.model.FollowUp;
import huzhu.core.model.Incident;
import huzhu.core.model.Member;
import huzhu.core.port.DependencyFailure;
import huzhu.core.port.IncidentQuery;
import huzhu.core.port.PageRequest;
import huzhu.core.port.Store;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.StoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreIT extends StoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return SqliteStore.open(dataDir);
    }

    @Test
    void whatWasWrittenBeforeClose_isThereAfterReopeningTheSameDirectory() {
        // given a store that took in one of everything and was closed
        Member member = Fixtures.fullMember("m-1");
        Incident incident = Fixtures.fullIncident("inc-1");
        Incident acknowledged = incident.edit().note(T0.plusSeconds(5), "note", "on the way", "v-1").build();
        FollowUp followUp = Fixtures.fullFollowUp("f-1");
        try (SqliteStore first = SqliteStore.open(dataDir.resolve("data"))) {
            first.members().insert(member);
            first.create(incident);
            first.update(acknowledged);
            first.insert(followUp);
            first.saveEscalationPolicy(EscalationPolicy.DEFAULT);
            first.bindTriggerToken("m-1", "hash-1");
            first.remember("key-1", "response-1", T0.plus(Duration.ofHours(24)), T0);
        }

        // when it is opened again
        try (SqliteStore again = SqliteStore.open(dataDir.resolve("data"))) {

            // then
            assertThat(again.members().get("m-1")).contains(member);
            assertThat(again.membersWithFamilyPhone(member.familyContacts().get(0).phone())).containsExactly(member);
            assertThat(again.incident("inc-1")).contains(acknowledged);
            assertThat(again.list(IncidentQuery.ALL, PageRequest.first(10)).items()).containsExactly(acknowledged);
            assertThat(again.followUp("f-1")).contains(followUp);
            assertThat(again.escalationPolicy()).contains(EscalationPolicy.DEFAULT);
            assertThat(again.memberIdForTriggerToken("hash-1")).contains("m-1");
            assertThat(again.remember("key-1", "response-2", T0.plus(Duration.ofHours(24)), T0.plusSeconds(1)))
                    .contains("response-1");
        }
    }

    @Test
    void open_createsTheDataDirectory_andOneDatabaseFileInWalMode() throws SQLException {
        // given
        Path dir = dataDir.resolve("nested/.huzhu-data");

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.members().insert(Fixtures.member("m-1").build());
        }

        // then
        assertThat(dir.resolve(SqliteStore.FILE_NAME)).isRegularFile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(s, "SELECT version FROM schema_version")).isEqualTo(String.valueOf(Schema.LATEST));
            assertThat(single(s, "SELECT count(*) FROM schema_version")).isEqualTo("1");
        }
    }

    @Test
    void reopening_leavesTheSchemaAndItsDataAlone() throws SQLException {
        // given
        SqliteStore.open(dataDir).close();

        // when
        SqliteStore.open(dataDir).close();

        // then
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME));
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM schema_version")).isEqualTo("1");
            assertThat(single(s, "SELECT version FROM schema_version")).isEqualTo(String.valueOf(Schema.LATEST));
        }
    }

    @Test
    void aDirectoryOfTheFirstSchema_gainsTheAuditLog_andKeepsItsData() throws SQLException {
        // given a data directory written before the audit log existed
        Path dir = dataDir.resolve("first-schema");
        Member member = Fixtures.fullMember("m-1");
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.members().insert(member);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE audit");
            dropTheThirdSchema(s);
            s.execute("UPDATE schema_version SET version = 1");
        }

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.append(new AuditEntry("a-1", T0, "sub-1", "admin", "create", "member", "m-1", "王小明", List.of()));

            // then
            assertThat(store.members().get("m-1")).contains(member);
            assertThat(store.audit(null, null, PageRequest.first(10)).items()).extracting(AuditEntry::id)
                    .containsExactly("a-1");
        }
    }

    @Test
    void aDirectoryOfTheSecondSchema_gainsTheCareTables_andKeepsItsData() throws SQLException {
        // given a data directory written before notices and applications existed
        Path dir = dataDir.resolve("second-schema");
        Member member = Fixtures.fullMember("m-1");
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.members().insert(member);
            store.bindTriggerToken("m-1", "hash-1");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement s = c.createStatement()) {
            dropTheThirdSchema(s);
            s.execute("UPDATE schema_version SET version = 2");
        }

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.acquireLease("bulk-sms", "run-1", T0.plusSeconds(60), T0);

            // then
            assertThat(store.members().get("m-1")).contains(member);
            assertThat(store.hasTriggerToken("m-1")).isTrue();
            assertThat(store.introductionsOf("m-1")).isEmpty();
            assertThat(store.notices(PageRequest.first(10)).items()).isEmpty();
            assertThat(store.applicationsOf("m-1")).isEmpty();
            assertThat(store.acquireLease("bulk-sms", "run-2", T0.plusSeconds(60), T0)).isFalse();
        }
    }

    @Test
    void aDirectoryOfTheThirdSchema_gainsOptOuts_andKeepsItsData() throws SQLException {
        // given a data directory written before opt-outs were recorded for everyone
        Path dir = dataDir.resolve("third-schema");
        Member member = Fixtures.fullMember("m-1");
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.members().insert(member);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE opt_outs");
            s.execute("UPDATE schema_version SET version = 3");
        }

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.recordOptOut("+8613800000001", T0);

            // then
            assertThat(store.members().get("m-1")).contains(member);
            assertThat(store.optedOutAt("+8613800000001")).contains(T0);
        }
    }

    /** Back to before migration 3 (the care tables) — and so before 4 (opt-outs) too. */
    private static void dropTheThirdSchema(Statement s) throws SQLException {
        for (String table : List.of("introductions", "notices", "notice_deliveries", "notice_replies", "applications",
                "leases", "opt_outs")) {
            s.execute("DROP TABLE " + table);
        }
    }

    @Test
    void open_refusesADirectoryWrittenByANewerSchema() throws SQLException {
        // given a data directory a later build has migrated further
        Path dir = dataDir.resolve("newer");
        SqliteStore.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = " + (Schema.LATEST + 1));
        }

        // when / then
        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void aDirectoryThatCannotHoldTheDatabase_isADependencyFailure() throws Exception {
        // given a plain file where the data directory should be
        Path notADirectory = Files.writeString(dataDir.resolve("taken"), "not a directory");

        // when / then
        assertThatThrownBy(() -> SqliteStore.open(notADirectory)).isInstanceOf(DependencyFailure.class);
    }

    @Test
    void aClosedStore_failsAsADependency_notAsADomainOutcome() {
        // given
        SqliteStore closed = SqliteStore.open(dataDir.resolve("closed"));
        closed.close();

        // when / then
        assertThatThrownBy(() -> closed.incident("inc-1")).isInstanceOf(DependencyFailure.class);
        assertThatThrownBy(() -> closed.members().insert(Fixtures.member("m-1").build()))
                .isInstanceOf(DependencyFailure.class);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
