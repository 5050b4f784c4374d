package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls of the console's routes as API Gateway sends them after its JWT authorizer: the fixture
 * {@code console-post-member-jwt.json}, retargeted to a method, path, query, body, headers and groups claim.
 */
final class ConsoleCalls {
    private final ConsoleApiHandler handler;

    ConsoleCalls(ConsoleApiHandler handler) {
        this.handler = handler;
    }

    /** {@code body} as sent (base64 when binary or compressed), {@code text} as a browser reads it. */
    record Reply(int status, Map<String, String> headers, String body, boolean base64, String text) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        JsonNode error() {
            return json().get("error");
        }
    }

    Reply as(String groups, String method, String pathAndQuery, String body) {
        return as(groups, method, pathAndQuery, body, Map.of());
    }

    Reply as(String groups, String method, String pathAndQuery, String body, Map<String, String> headers) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/console-post-member-jwt.json");
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        e.setRouteKey("$default");
        e.setRawPath(path);
        e.getRequestContext().getHttp().setMethod(method);
        e.getRequestContext().getHttp().setPath(path);
        e.setPathParameters(null);
        e.setRawQueryString(query);
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.merge(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8), (a, b) -> a + "," + b);
            }
        }
        e.setQueryStringParameters(params.isEmpty() ? null : params);
        e.setBody(body);
        if (body == null) {
            e.getHeaders().remove("content-type");
            e.getHeaders().remove("content-length");
        } else {
            e.getHeaders().put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        e.getHeaders().remove("accept-encoding");
        headers.forEach((k, v) -> e.getHeaders().put(k.toLowerCase(), v));
        // a binary body (a spreadsheet) is passed base64-encoded, as API Gateway does
        e.setIsBase64Encoded(headers.getOrDefault("Content-Type", "").startsWith("application/vnd."));
        e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", groups);
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertThat(r.getStatusCode()).as("never a 5xx: %s %s → %s", method, pathAndQuery, r.getBody()).isLessThan(500);
        return new Reply(r.getStatusCode(), r.getHeaders() == null ? Map.of() : r.getHeaders(),
                r.getBody() == null ? "" : r.getBody(), r.getIsBase64Encoded(), Bodies.text(r));
    }
}
