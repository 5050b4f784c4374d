package huzhu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the local stack ({@code java -jar infra/local/target/huzhu-local.jar},
 * demo union, embedded store) on a free loopback port, and a bounded load generator posting to the demo
 * member's personal emergency link ({@code POST /v1/triggers/{token}}, a unique Idempotency-Key each).
 * <ul>
 *   <li>{@code sustained}: {@code --clients} closed-loop clients for {@code --seconds}: triggers per second,
 *       p50/p99 latency, status counts;</li>
 *   <li>{@code burst}: {@code --total} triggers from {@code --clients} concurrent clients (default 1,000 from
 *       50): nothing lost (every 201's incident is in the store, counted through the console API), no 5xx, p99.</li>
 * </ul>
 * Every loop is bounded by a count and a deadline; only 127.0.0.1 is contacted. Each trigger opens an incident
 * (the same member, so each open reads every active incident: the figures show what that costs as they pile up).
 * <p>
 * {@code java -cp … huzhu.bench.LocalLoad --mode sustained|burst [--clients 8] [--seconds 60] [--total 1000]}
 * (run from {@code infra/bench} after {@code mvn -B package}).
 */
public final class LocalLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/v1/triggers/[A-Za-z0-9_-]+)");
    private static final String ADMIN = "bench-admin-token";

    record Result(int status, double millis, String incidentId) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String mode = a.getOrDefault("mode", "sustained");
        int clients = Integer.parseInt(a.getOrDefault("clients", mode.equals("burst") ? "50" : "8"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int total = Integer.parseInt(a.getOrDefault("total", mode.equals("burst") ? "1000" : "1000000"));
        PrintStream out = System.out;
        out.println(Args.machine());
        out.printf("mode=%s clients=%d seconds=%d total=%d%n", mode, clients, seconds, total);

        Path jar = Path.of("..", "local", "target", "huzhu-local.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " missing: run mvn -B package first");
        Path data = Files.createTempDirectory("huzhu-load");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        pb.environment().put("HUZHU_DEMO", "1");
        pb.environment().put("HUZHU_PORT", Integer.toString(port));
        pb.environment().put("HUZHU_DATA_DIR", data.toString());
        pb.environment().put("HUZHU_ADMIN_TOKEN", ADMIN);
        Process stack = pb.start();
        try {
            String link = awaitLink(stack);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<Result> results = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger issued = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(mode.equals("burst") ? 600 : seconds);
            CountDownLatch done = new CountDownLatch(clients);
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline && issued.incrementAndGet() <= total) {
                            results.add(trigger(http, link));
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-" + c);
                t.setDaemon(true);
                t.start();
            }
            if (!done.await(seconds + 660L, TimeUnit.SECONDS)) throw new IllegalStateException("clients did not stop");
            double wall = (System.nanoTime() - started) / 1e9;

            List<Double> ms = results.stream().map(Result::millis).toList();
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (Result r : results) statuses.merge(r.status(), 1, Integer::sum);
            long fiveHundreds = results.stream().filter(r -> r.status() >= 500).count();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            results.stream().filter(r -> r.status() == 201 && r.incidentId() != null).forEach(r -> ids.add(r.incidentId()));
            int stored = countIncidents(http, base);
            out.println();
            out.println("| mode | clients | requests | wall s | triggers/s | p50 ms | p99 ms | max ms | statuses | 5xx"
                    + " | distinct incidents answered | incidents in the store |");
            out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %d | %d | %d |%n", mode,
                    clients, results.size(), wall, results.size() / wall, Stats.percentile(ms, 50),
                    Stats.percentile(ms, 99), Stats.max(ms), statuses, fiveHundreds, ids.size(), stored);
            boolean lost = ids.size() != statuses.getOrDefault(201, 0) || stored != ids.size();
            out.println(lost ? "LOST: answered and stored incidents differ" : "nothing lost: every 201 is one stored incident");
        } finally {
            stack.destroy();
            if (!stack.waitFor(10, TimeUnit.SECONDS)) stack.destroyForcibly();
        }
        System.exit(0);
    }

    private static Result trigger(HttpClient http, String link) {
        String body = "{\"type\":\"medical\",\"message\":\"压测 load test\",\"reporterName\":\"王德福\","
                + "\"reporterPhone\":\"13900000002\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(link))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            String id = null;
            if (r.statusCode() == 201) id = JSON.readTree(r.body()).path("incidentId").asText(null);
            return new Result(r.statusCode(), ms, id);
        } catch (Exception e) {
            return new Result(-1, (System.nanoTime() - t0) / 1e6, null);
        }
    }

    /** Every incident in the store, through the console API's pages. */
    private static int countIncidents(HttpClient http, String base) throws Exception {
        int count = 0;
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            String url = base + "/v1/incidents?status=all&limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("listing incidents: " + r.statusCode() + " " + r.body());
            JsonNode body = JSON.readTree(r.body());
            count += body.path("items").size();
            cursor = body.path("nextCursor").asText(null);
            if (cursor == null || cursor.isEmpty()) return count;
        }
        throw new IllegalStateException("more than 10,000 pages of incidents");
    }

    private static String awaitLink(Process stack) throws Exception {
        AtomicReference<String> link = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = LINK.matcher(line);
                    if (link.get() == null && m.find()) {
                        link.set(m.group(1));
                        ready.countDown();
                    }
                    // the rest (a JSON line per step) is read and dropped, so the stack never blocks on its stdout
                }
            } catch (java.io.IOException e) {
                // the stack ended
            }
        }, "stack-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the local stack printed no trigger link");
        return link.get();
    }
}
