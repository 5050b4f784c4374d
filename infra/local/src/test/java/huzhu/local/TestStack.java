package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link LocalServer} on a free port with recording fake functions, a fixed clock and counting ids,
 * and an HTTP/1.1 client (the JDK client would otherwise offer an h2c upgrade).
 */
final class TestStack implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-01T08:30:00.123Z");
    static final String ADMIN_TOKEN = "admin-token-for-tests";
    static final String OFFICER_TOKEN = "officer-token-for-tests";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CountingIds ids = new CountingIds();
    final Recording<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> trigger = new Recording<>(e -> ok("trigger"));
    final Recording<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ack = new Recording<>(e -> ok("ack"));
    final Recording<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> console = new Recording<>(e -> ok("console"));
    final Recording<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> providerPush = new Recording<>(e -> ok("push"));
    final Recording<SNSEvent, Void> sms = new Recording<>(e -> null);
    final Recording<ScheduledEvent, Map<String, Object>> escalation =
            new Recording<>(e -> Map.of("escalated", 0));
    final OutboxMessenger outbox;
    final LocalServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestStack(Path dataDir) {
        this(dataDir, Map.of());
    }

    TestStack(Path dataDir, Map<String, String> extraEnv) {
        this(dataDir, extraEnv, true);
    }

    /** @param ready whether the server is told the stack has finished starting ({@code /local/health} 200) */
    TestStack(Path dataDir, Map<String, String> extraEnv, boolean ready) {
        Map<String, String> env = new HashMap<>();
        env.put("HUZHU_PORT", "0");
        env.put("HUZHU_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HUZHU_OFFICER_TOKEN", OFFICER_TOKEN);
        env.put("HUZHU_DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        LocalConfig config = LocalConfig.from(env, dataDir);
        outbox = new OutboxMessenger(config.dataDir(), clock, ids);
        server = new LocalServer(config, new LocalFunctions(trigger, ack, console, sms, escalation,
                providerPush), outbox, clock,
                ids);
        server.start();
        if (ready) server.ready();
    }

    static APIGatewayV2HTTPResponse ok(String who) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"from\":\"" + who + "\"}")
                .build();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).header("User-Agent", "huzhu-test/1");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** A GET with this Authorization header. */
    HttpResponse<String> get(String pathAndQuery, String authorization) {
        return send(request(pathAndQuery).header("Authorization", authorization).GET().build());
    }

    /** A POST of {@code body} as {@code contentType}, open to more headers. */
    HttpRequest.Builder post(String path, String contentType, String body) {
        return request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(post(path, "application/json", json).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        outbox.close();
    }
}
