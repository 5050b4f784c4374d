package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huzhu.testing.MachineTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's own script tests (src/test/js/*.test.js: the hosted sign-in's PKCE, lib/pkce.js), run by Node's
 * built-in test runner. Node 20 is on every machine that builds (the DynamoDB tests run dynalite on it): in CI
 * ({@code CI=true}) a machine without it fails this test; elsewhere the test is skipped, saying why.
 */
class ConsoleScriptsIT {
    private static final Path SCRIPT_TESTS = Path.of("src", "test", "js");
    private static final Pattern PASSED = Pattern.compile("(?m)^# pass (\\d+)$");
    private static final Pattern FAILED = Pattern.compile("(?m)^# fail (\\d+)$");

    @Test
    void theConsolesScriptTests_passUnderNodesTestRunner() throws Exception {
        // given
        requireNode();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=tap"));
        try (Stream<Path> files = Files.list(SCRIPT_TESTS)) {
            files.map(Path::toString).filter(f -> f.endsWith(".test.js")).sorted().forEach(command::add);
        }
        assertThat(command).as("script tests in " + SCRIPT_TESTS.toAbsolutePath()).hasSizeGreaterThan(3);

        // when
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("node --test did not finish in two minutes:%n%s", report);
        }

        // then
        assertThat(node.exitValue()).as(report).isZero();
        assertThat(count(FAILED, report)).as(report).isZero();
        assertThat(count(PASSED, report)).as(report).isPositive();
    }

    private static int count(Pattern summary, String report) {
        Matcher m = summary.matcher(report);
        assertThat(m.find()).as("the runner's summary line %s in:%n%s", summary, report).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Node 20 or newer on the PATH; in CI its absence fails the build, elsewhere it skips this test. */
    private static void requireNode() throws InterruptedException {
        String version = nodeVersion();
        boolean usable = version != null && version.matches("v(\\d+)\\..*")
                && Integer.parseInt(version.substring(1, version.indexOf('.'))) >= 20;
        String why = "the console's script tests need Node.js 20 or newer on the PATH (found: "
                + (version == null ? "none" : version) + "); apt-get install nodejs, or https://nodejs.org/";
        if (!usable) throw MachineTools.missing(why);
    }

    private static String nodeVersion() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
