package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a user (curl, the console, a phone) does against a running local stack, over real HTTP. */
final class LocalApi {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode json, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    LocalApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    /** POST that must succeed with {@code status}; returns the JSON body. */
    JsonNode expect(int status, String path, Object body) {
        Reply r = post(path, body);
        assertThat(r.status()).as("POST %s → %s", path, r.body()).isEqualTo(status);
        return r.json();
    }

    /** The one incident the console lists under {@code status} (active, all…); fails unless there is exactly one. */
    JsonNode onlyIncident(String status) {
        JsonNode items = get("/v1/incidents?status=" + status).json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** An SMS from {@code from} to the union's number, as AWS End User Messaging would deliver it. */
    void sms(String from, String text) {
        Reply r = send("POST", "/local/sms/inbound", Map.of("from", from, "body", text), Map.of());
        assertThat(r.status()).as("inbound SMS → %s", r.body()).isEqualTo(202);
    }

    List<String> outboxTo(String phone) {
        return itemTexts("/local/sms/outbox?to=", phone, "body");
    }

    /** The text of every post the local stack's robot {@code robot} made to its group, oldest first. */
    List<String> groupPosts(String robot) {
        return itemTexts("/local/group/posts?robot=", robot, "text");
    }

    /** {@code field} of each item a local listing gives for {@code value}. */
    private List<String> itemTexts(String query, String value, String field) {
        Reply r = get(query + URLEncoder.encode(value, StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        r.json().get("items").forEach(i -> texts.add(i.get(field).asText()));
        return texts;
    }

    private Reply send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
            if (token != null) b.header("Authorization", "Bearer " + token);
            headers.forEach(b::header);
            if (body == null) {
                // the local routes take JSON only, a POST without a body included
                if (!method.equals("GET")) b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.header("Content-Type", "application/json; charset=utf-8")
                        .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String type = response.headers().firstValue("content-type").orElse("");
            if (type.startsWith("application/json") && !response.body().isEmpty()) json = JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
