package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, for real: {@code HUZHU_DEMO=1 java -jar infra/local/target/huzhu-local.jar}
 * as its own process (the packaged, shaded jar, on the same {@code java} as this test), talked to over
 * HTTP the way the README's tour does with curl. Runs after {@code package} (failsafe).
 */
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "huzhu-local.jar").toAbsolutePath();
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final String ADMIN_TOKEN = "packaged-jar-it-admin-0001";
    private static final String FATHER = "13900000002";
    private static final String LIU_QIANG = "13900000021";
    private static final String ZHAO_MIN = "13900000022";
    private static final String SUN_WEI_OTHER_DISTRICT = "13900000023";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path temp;

    @AfterEach
    void killEveryProcessThisTestStarted() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theReadmesRunCommand_servesTheDemoUnion_andARestartKeepsEverythingWithoutReloadingTheDemo()
            throws Exception {
        // given the packaged jar, started as the README says, on a free port with its data in a temp dir
        Path dataDir = temp.resolve("data");
        Stack first = start(freePort(), dataDir, "run-1");

        // then it says where it listens and prints the demo member's personal emergency link
        assertThat(first.stdout()).contains(first.baseUrl()).contains(first.baseUrl() + "/console");
        Matcher link = Pattern.compile(Pattern.quote(first.baseUrl()) + "/v1/triggers/[A-Za-z0-9_-]{8,}")
                .matcher(first.stdout());
        assertThat(link.find()).as("demo link in:%n%s", first.stdout()).isTrue();
        assertThat(first.stdout()).as("a token set by the user is never echoed").doesNotContain(ADMIN_TOKEN);

        // when the demo father texts for help, as the README's tour does
        Reply inbound = first.post("/local/sms/inbound", "{\"from\":\"" + FATHER + "\",\"body\":\"救命 老伴胸口疼\"}");

        // then he has his receipt with the code and the 120 reminder, and the two neighbours their alerts
        assertThat(inbound.status()).as(inbound.body()).isEqualTo(202);
        assertThat(inbound.json().get("inboundMessageId").asText()).isNotBlank();
        JsonNode incidents = first.get("/v1/incidents?status=all").json();
        assertThat(incidents.get("items")).hasSize(1);
        String incidentId = incidents.get("items").get(0).get("id").asText();
        String code = incidents.get("items").get(0).get("code").asText();
        assertThat(first.outboxTo(FATHER)).singleElement().asString().contains(code).contains("120");
        assertThat(first.outboxTo(LIU_QIANG)).singleElement().asString().contains(code)
                .contains(first.baseUrl() + "/v1/acks/");
        assertThat(first.outboxTo(ZHAO_MIN)).singleElement().asString().contains(code)
                .contains(first.baseUrl() + "/v1/acks/");
        assertThat(first.outboxTo(SUN_WEI_OTHER_DISTRICT)).isEmpty();

        // when the process is stopped and started again on the same data directory
        first.stop();
        Stack second = start(freePort(), dataDir, "run-2");

        // then the demo is not loaded a second time, and nothing was lost
        assertThat(second.stdout()).doesNotContain("/v1/triggers/");
        JsonNode members = second.get("/v1/members").json();
        assertThat(members.get("items")).hasSize(1);
        assertThat(members.get("items").get(0).get("name").asText()).isEqualTo("王建国");
        assertThat(second.get("/v1/volunteers").json().get("items")).hasSize(4);
        JsonNode after = second.get("/v1/incidents?status=all").json();
        assertThat(after.get("items")).singleElement()
                .satisfies(i -> assertThat(i.get("id").asText()).isEqualTo(incidentId))
                .satisfies(i -> assertThat(i.get("code").asText()).isEqualTo(code))
                .satisfies(i -> assertThat(i.get("status").asText()).isEqualTo("open"));
        assertThat(second.outboxTo(FATHER)).singleElement().asString().contains(code);
    }

    @Test
    void anInvalidPort_makesTheJarExitNonZero_explainingItInChineseAndEnglish() throws Exception {
        // given
        ProcessBuilder pb = command(temp.resolve("data"), "abc");
        Path stdout = temp.resolve("bad-port.out");
        Path stderr = temp.resolve("bad-port.err");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());

        // when
        Process p = launch(pb);
        boolean exited = p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS);

        // then
        assertThat(exited).as("the jar should refuse to start, not hang").isTrue();
        assertThat(p.exitValue()).isNotZero();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(err)
                .contains("HUZHU_PORT")
                .contains("abc")
                .contains("须为 0 到 65535 之间的整数")
                .contains("must be an integer from 0 to 65535");
        assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).doesNotContain("http://127.0.0.1:");
    }

    // ------------------------------------------------------------------ the process

    /** One running jar: its base URL, its output so far, and curl-like calls with the admin token. */
    private final class Stack {
        private final Process process;
        private final int port;
        private final Path stdoutFile;

        Stack(Process process, int port, Path stdoutFile) {
            this.process = process;
            this.port = port;
            this.stdoutFile = stdoutFile;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        String stdout() {
            try {
                return Files.readString(stdoutFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Reply get(String path) {
            Reply r = send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
            assertThat(r.status()).as("GET %s → %s", path, r.body()).isEqualTo(200);
            return r;
        }

        Reply post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        List<String> outboxTo(String phone) {
            List<String> bodies = new ArrayList<>();
            get("/local/sms/outbox?to=" + phone).json().get("items").forEach(i -> bodies.add(i.get("body").asText()));
            return bodies;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) fail("the jar did not stop within 15 s of SIGTERM");
        }

        private Reply send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(r.statusCode(), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return LocalApi.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Starts the jar and waits, at most {@link #START_LIMIT}, until {@code /local/health} answers 200 and the
     * start line is printed; fails at once with the jar's stderr if it exits meanwhile.
     */
    private Stack start(int port, Path dataDir, String name) throws Exception {
        ProcessBuilder pb = command(dataDir, Integer.toString(port));
        Path out = temp.resolve(name + ".out");
        Path err = temp.resolve(name + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Stack stack = new Stack(launch(pb), port, out);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!stack.process.isAlive()) {
                fail("the jar exited with %d before it was up:%n%s%n%s", stack.process.exitValue(), stack.stdout(),
                        Files.readString(err, StandardCharsets.UTF_8));
            }
            // the banner with the console address comes last, after the demo link (which has the address too)
            if (healthy(stack.baseUrl()) && stack.stdout().contains(stack.baseUrl() + "/console")) return stack;
            Thread.sleep(100);
        }
        fail("the jar was not up within %s:%n%s%n%s", START_LIMIT, stack.stdout(),
                Files.readString(err, StandardCharsets.UTF_8));
        return stack;
    }

    private boolean healthy(String baseUrl) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/local/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (ConnectException notYet) {
            return false;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code java -jar target/huzhu-local.jar} with only the environment this test means, from a temp directory. */
    private ProcessBuilder command(Path dataDir, String port) {
        assertThat(JAR).as("run `mvn package` first: the packaged local stack").isRegularFile();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", JAR.toString()).directory(temp.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("HUZHU_") || k.startsWith("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        env.put("HUZHU_PORT", port);
        env.put("HUZHU_DEMO", "1");
        env.put("HUZHU_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HUZHU_DATA_DIR", dataDir.toString());
        return pb;
    }

    private Process launch(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
