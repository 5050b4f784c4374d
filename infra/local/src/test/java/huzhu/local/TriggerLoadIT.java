package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.kernel.RandomIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of personal-link triggers against the local stack on loopback, as a disaster would bring them:
 * every trigger a different member's link, {@code clients} concurrent clients each on its own loopback address
 * (127.0.0.10, .11, …, so the per-address limit sees many senders, as API Gateway would), one connection per
 * request. Nothing may be lost (every trigger answered 201 and its incident stored) and nothing may be a 5xx;
 * the latency percentiles are printed. The test command runs a reduced burst (200 from 20 clients); the full
 * one of BENCHMARKS.md is {@code -Dhuzhu.load.triggers=1000 -Dhuzhu.load.clients=50}.
 */
class TriggerLoadIT {
    static final int TRIGGERS = Integer.getInteger("huzhu.load.triggers", 200);
    static final int CLIENTS = Integer.getInteger("huzhu.load.clients", 20);
    private static final String[] DISTRICTS = {"江汉区", "武昌区", "汉阳区", "洪山区", "江岸区"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aBurstOfTriggers_fromConcurrentClients_losesNothing_andNeverAnswers5xx() throws Exception {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // a thousand incidents log a lot
        Clock clock = Clock.systemUTC();
        LocalConfig config = LocalConfig.from(Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", "load-admin-token-01",
                "HUZHU_SWEEP_SECONDS", "86400", "HUZHU_DATA_DIR", dataDir.toString()), dataDir);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, String> incidentIds = new ConcurrentHashMap<>();
        long wallNanos;
        try (LocalStack stack = LocalStack.start(config, clock, new RandomIds(clock))) {
            List<String> tokens = union(stack);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    go.await();
                    InetAddress from = InetAddress.getByName("127.0.0." + (10 + client));
                    for (int i = client; i < TRIGGERS; i += CLIENTS) {
                        String body = "{\"type\":\"medical\",\"message\":\"第" + i + "号：老人摔倒\"}";
                        long t0 = System.nanoTime();
                        Reply r = post(from, stack.port(), "/v1/triggers/" + tokens.get(i), body, "burst-" + i);
                        samples.add(new Sample(r.status(), System.nanoTime() - t0));
                        if (r.status() == 201) incidentIds.put(i, JSON.readTree(r.body()).get("incidentId").asText());
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : clients) f.get(10, TimeUnit.MINUTES);
            wallNanos = System.nanoTime() - start;
            pool.shutdown();

            // then: nothing lost
            for (String id : incidentIds.values()) assertThat(stack.store().incidents().get(id)).as(id).isPresent();
        } finally {
            System.setOut(stdout);
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        samples.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        assertThat(statuses).as("statuses").containsOnlyKeys(201);
        assertThat(incidentIds).hasSize(TRIGGERS);
        List<Long> ms = samples.stream().map(s -> s.nanos() / 1_000_000L).sorted().toList();
        stdout.printf("load: %d triggers from %d clients on loopback in %.1f s (%.0f/s); statuses %s; latency ms"
                        + " p50 %d, p90 %d, p99 %d, max %d%n", TRIGGERS, CLIENTS, wallNanos / 1e9,
                TRIGGERS / (wallNanos / 1e9), statuses, pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.get(ms.size() - 1));
    }

    record Sample(int status, long nanos) {
    }

    record Reply(int status, String body) {
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Members with a personal link each, volunteers in every district, leaders at levels 1 and 2. */
    private static List<String> union(LocalStack stack) {
        var dir = stack.services().directory();
        dir.createLeader(new LeaderInput("周干事", "+8613700000900", null, "工会干事", 1, null));
        dir.createLeader(new LeaderInput("陈主席", "+8613700000901", null, "工会主席", 2, null));
        for (int v = 0; v < 50; v++) {
            dir.createVolunteer(new VolunteerInput("队员" + v, String.format("+86137%08d", 1000 + v),
                    new AreaInput("武汉市", DISTRICTS[v % DISTRICTS.length]), null, List.of("first-aid"), true, 3, null));
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < TRIGGERS; i++) {
            var m = dir.createMember(new MemberInput("会员" + i, String.format("+86136%08d", i), null,
                    new AreaInput("武汉市", DISTRICTS[i % DISTRICTS.length]), "武汉市幸福路" + i + "号", null,
                    List.of(new FamilyContactInput("家属" + i, "母亲", String.format("+86135%08d", i))), null));
            tokens.add(dir.issueTriggerLink(m.id()).token());
        }
        return tokens;
    }

    /** One HTTP/1.1 request on its own connection, from the given loopback address. */
    private static Reply post(InetAddress from, int port, String path, String body, String idempotencyKey) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Idempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + payload.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Reply(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
