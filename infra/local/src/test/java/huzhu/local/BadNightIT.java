package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.RandomIds;
import huzhu.testing.Dynalite;
import huzhu.testing.load.BadNight;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short bad night of {@link BadNight} against the local stack: 100 members whose families call within ten
 * seconds from 20 home addresses on loopback (by link or SMS), 40 volunteers over ten districts answering their SMS,
 * five officers on the board (on dynalite 40 members and 20 volunteers: each of its calls costs more). Whatever the
 * load, every family is answered and nothing is lost: no 5xx, no family refused, every call's incident stored, nobody
 * over {@code maxActive}. The full night, and a night of any size, is {@code huzhu.bench.BadNight} (BENCHMARKS.md).
 */
class BadNightIT {
    private static final String ADMIN = "bad-night-admin-token";
    private static final String OFFICER = "bad-night-officer-token";

    @TempDir
    Path dataDir;

    static Stream<String> stores() {
        return Stream.of("embedded", "dynamodb");
    }

    @ParameterizedTest(name = "store: {0}")
    @MethodSource("stores")
    void aShortBadNight_answersEveryFamily_losesNothing_neverAnswers5xx_andRefusesNoFamily(String store)
            throws Exception {
        // given
        Map<String, String> env = new HashMap<>(Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", ADMIN,
                "HUZHU_OFFICER_TOKEN", OFFICER, "HUZHU_SWEEP_SECONDS", "5", "HUZHU_DATA_DIR", dataDir.toString()));
        BadNight.Plan plan = store.equals("dynamodb") ? BadNight.Plan.verifyOnDynalite() : BadNight.Plan.verify();
        PrintStream stdout = System.out;
        BadNight.Result night;
        // a dynalite of its own: the night counts every incident of the table
        try (Dynalite dynalite = store.equals("dynamodb") ? Dynalite.start() : null) {
            if (dynalite != null) env.put("HUZHU_DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
            LocalConfig config = LocalConfig.from(env, dataDir);
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // a night's incidents log a lot
            try (LocalStack stack = LocalStack.start(config, Clock.systemUTC(), new RandomIds(Clock.systemUTC()))) {
                // when
                night = BadNight.run(stack.port(), ADMIN, OFFICER, plan, stdout);
            } finally {
                System.setOut(stdout);
            }
        }
        stdout.println(night.report());

        // then
        assertThat(night.calls()).isEqualTo(plan.members());
        assertThat(night.lost()).as("lost").isZero();
        assertThat(night.serverErrors()).as("5xx").isZero();
        assertThat(night.familiesRefused()).as("families refused").isZero();
        assertThat(night.familiesWithoutReceipt()).as("families without a receipt").isZero();
        assertThat(night.overMaxActive()).as("volunteers over maxActive").isZero();
        assertThat(night.incidentsStored()).isEqualTo(plan.members());
        assertThat(night.officerStatuses()).containsOnlyKeys(200);
        assertThat(night.problems()).isEmpty();
    }
}
