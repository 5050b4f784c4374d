package huzhu.local.store;

import static huzhu.core.testing.Fixtures.T0;
import huzhu.core.testing.TriggerLinks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.Store;
import huzhu.core.audit.AuditEntry;
import huzhu.core.care.FollowUp;
import huzhu.core.directory.Member;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.kernel.PageRequest;
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
import java.util.Map;
import java.util.function.Consumer;
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
            first.directory().members().insert(member);
            first.incidents().create(incident);
            first.incidents().update(acknowledged);
            first.followUps().insert(followUp);
            first.settings().saveEscalationPolicy(EscalationPolicy.DEFAULT);
            first.triggerTokens().bind("m-1", "hash-1");
            first.idempotency().remember("key-1", "response-1", T0.plus(Duration.ofHours(24)), T0);
        }

        // when it is opened again
        try (SqliteStore again = SqliteStore.open(dataDir.resolve("data"))) {

            // then
            assertThat(again.directory().members().get("m-1")).contains(member);
            assertThat(again.directory().membersWithFamilyPhone(member.familyContacts().get(0).phone())).containsExactly(member);
            assertThat(again.incidents().get("inc-1")).contains(acknowledged);
            assertThat(again.incidents().list(IncidentQuery.ALL, PageRequest.first(10)).items()).containsExactly(acknowledged);
            assertThat(again.followUps().get("f-1")).contains(followUp);
            assertThat(again.settings().escalationPolicy()).contains(EscalationPolicy.DEFAULT);
            assertThat(TriggerLinks.liveMemberOf(again.triggerTokens(), "hash-1")).contains("m-1");
            assertThat(again.idempotency().remember("key-1", "response-2", T0.plus(Duration.ofHours(24)), T0.plusSeconds(1)))
                    .contains("response-1");
        }
    }

    @Test
    void open_createsTheDataDirectory_andOneDatabaseFileInWalMode() throws SQLException {
        // given
        Path dir = dataDir.resolve("nested/.huzhu-data");

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.directory().members().insert(Fixtures.member("m-1").build());
        }

        // then
        assertThat(dir.resolve(SqliteStore.FILE_NAME)).isRegularFile();
        try (Connection c = database(dir); Statement s = c.createStatement()) {
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
        try (Connection c = database(dataDir); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM schema_version")).isEqualTo("1");
            assertThat(single(s, "SELECT version FROM schema_version")).isEqualTo(String.valueOf(Schema.LATEST));
        }
    }

    @Test
    void aDirectoryOfTheFirstSchema_gainsTheAuditLog_andKeepsItsData() throws SQLException {
        // given a data directory written before the audit log existed
        Member member = Fixtures.fullMember("m-1");
        Path dir = writtenAtSchema(1, store -> store.directory().members().insert(member));

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.audit().append(new AuditEntry("a-1", T0, "sub-1", "admin", "create", "member", "m-1", "王小明", List.of()));

            // then
            assertThat(store.directory().members().get("m-1")).contains(member);
            assertThat(store.audit().list(null, null, PageRequest.first(10)).items()).extracting(AuditEntry::id)
                    .containsExactly("a-1");
        }
    }

    @Test
    void aDirectoryOfTheSecondSchema_gainsTheCareTables_andKeepsItsData() throws SQLException {
        // given a data directory written before notices and applications existed
        Member member = Fixtures.fullMember("m-1");
        Path dir = writtenAtSchema(2, store -> {
            store.directory().members().insert(member);
            store.triggerTokens().bind("m-1", "hash-1");
        });

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.leases().acquire("bulk-sms", "run-1", T0.plusSeconds(60), T0);

            // then
            assertThat(store.directory().members().get("m-1")).contains(member);
            assertThat(store.triggerTokens().has("m-1")).isTrue();
            assertThat(store.introductions().ofMember("m-1")).isEmpty();
            assertThat(store.notices().list(PageRequest.first(10)).items()).isEmpty();
            assertThat(store.applications().ofMember("m-1")).isEmpty();
            assertThat(store.leases().acquire("bulk-sms", "run-2", T0.plusSeconds(60), T0)).isFalse();
        }
    }

    @Test
    void aDirectoryOfTheThirdSchema_gainsOptOuts_andKeepsItsData() throws SQLException {
        // given a data directory written before opt-outs were recorded for everyone
        Member member = Fixtures.fullMember("m-1");
        Path dir = writtenAtSchema(3, store -> store.directory().members().insert(member));

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.optOuts().record("+8613800000001", T0);

            // then
            assertThat(store.directory().members().get("m-1")).contains(member);
            assertThat(store.optOuts().optedOutAt("+8613800000001")).contains(T0);
        }
    }

    @Test
    void aDirectoryOfTheFourthSchema_gainsCareRoundsAndContactRequests_andKeepsItsFollowUps() throws SQLException {
        // given a data directory written before care rounds existed, with a follow-up of an incident
        FollowUp visit = Fixtures.followUp("f-1").incident("i-1", "m-1").build();
        Path dir = writtenAtSchema(4, store -> store.followUps().insert(visit));

        // when
        try (SqliteStore store = SqliteStore.open(dir)) {
            // then
            assertThat(store.followUps().forIncident("i-1")).containsExactly(visit);
            assertThat(store.followUps().forRound("r-1")).isEmpty();
            assertThat(store.careRounds().list(PageRequest.first(10)).items()).isEmpty();
            assertThat(store.contactRequests().ofMember("m-1")).isEmpty();
        }
    }

    /** What undoes each migration after the first, by its number. */
    private static final Map<Integer, List<String>> UNDO = Map.of(
            2, List.of("DROP TABLE audit"),
            3, List.of("DROP TABLE introductions", "DROP TABLE notices", "DROP TABLE notice_deliveries",
                    "DROP TABLE notice_replies", "DROP TABLE applications", "DROP TABLE leases"),
            4, List.of("DROP TABLE opt_outs"),
            5, List.of("DROP TABLE rounds", "DROP TABLE contact_requests", "DROP INDEX followups_round",
                    "ALTER TABLE followups DROP COLUMN round_id"),
            6, List.of("DROP TABLE holds", "DROP TABLE surges"));

    /** A data directory as a build of schema {@code version} left it, holding what {@code written} put in. */
    private Path writtenAtSchema(int version, Consumer<SqliteStore> written) throws SQLException {
        Path dir = dataDir.resolve("schema-" + version);
        try (SqliteStore store = SqliteStore.open(dir)) {
            written.accept(store);
        }
        backToSchema(dir, version);
        return dir;
    }

    /** Turns the database in {@code dir} back into what a build of schema {@code version} left on disk. */
    private static void backToSchema(Path dir, int version) throws SQLException {
        try (Connection c = database(dir); Statement s = c.createStatement()) {
            for (int later = Schema.LATEST; later > version; later--) {
                assertThat(UNDO).as("how to undo migration %d", later).containsKey(later);
                for (String sql : UNDO.get(later)) s.execute(sql);
            }
            s.execute("UPDATE schema_version SET version = " + version);
        }
    }

    @Test
    void open_refusesADirectoryWrittenByANewerSchema() throws SQLException {
        // given a data directory a later build has migrated further
        Path dir = dataDir.resolve("newer");
        SqliteStore.open(dir).close();
        try (Connection c = database(dir); Statement s = c.createStatement()) {
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
        assertThatThrownBy(() -> closed.incidents().get("inc-1")).isInstanceOf(DependencyFailure.class);
        assertThatThrownBy(() -> closed.directory().members().insert(Fixtures.member("m-1").build()))
                .isInstanceOf(DependencyFailure.class);
    }

    private static Connection database(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
