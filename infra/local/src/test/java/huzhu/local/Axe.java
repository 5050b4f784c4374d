package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, pinned by {@code infra/local/axe/package-lock.json}, installed with
 * {@code npm ci} the first time) run on the page a browser test shows: it must report no violation of WCAG 2.0,
 * 2.1 or 2.2 at levels A and AA. The script is evaluated through the driver (DevTools' Runtime.evaluate), which the
 * page's Content-Security-Policy does not govern, so the page itself needs no exception.
 */
final class Axe {
    private static final String FOLDER = "infra/local/axe";
    private static String source;

    private Axe() {
    }

    /** Checks the page as it is now; {@code where} names it in the failure. */
    static void assertNoViolations(WebDriver browser, String where) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) js.executeScript(source());
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                  resultTypes: ['violations'] })
                  .then(function (r) { done(JSON.stringify(r.violations)); })
                  .catch(function (e) { done(JSON.stringify([{ id: 'axe-failed', help: String(e), nodes: [] }])); });""");
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode v : LocalApi.JSON.readTree((String) result)) {
                StringBuilder line = new StringBuilder(v.get("id").asText() + " (" + v.path("impact").asText() + "): "
                        + v.path("help").asText());
                for (JsonNode n : v.path("nodes")) line.append("\n    ").append(n.path("target").toString())
                        .append(" ").append(n.path("failureSummary").asText().replace('\n', ' '));
                problems.add(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems).as("WCAG A/AA violations axe-core found on %s", where).isEmpty();
    }

    private static synchronized String source() {
        if (source != null) return source;
        Path folder = folder();
        Path script = folder.resolve("node_modules/axe-core/axe.min.js");
        try {
            if (!Files.isRegularFile(script)) install(folder, script);
            source = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }

    private static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve("package-lock.json"))) return candidate;
        }
        throw new IllegalStateException("no " + FOLDER + "/package-lock.json above " + Path.of("").toAbsolutePath());
    }

    private static void install(Path folder, Path script) throws IOException {
        Path target = Files.createDirectories(folder.resolveSibling("target"));
        // forked test JVMs must not run npm ci in one folder at the same time
        try (FileChannel channel = FileChannel.open(target.resolve("axe-install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(script)) return;
            Path log = target.resolve("axe-npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + folder + " failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
