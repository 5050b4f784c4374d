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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Calls of the console's routes as API Gateway sends them after its JWT authorizer: the fixture
 * {@code console-post-member-jwt.json}, retargeted to a method, path, query, body, headers and caller.
 */
final class ConsoleCalls {
    private final ConsoleApiHandler handler;
    private final BiFunction<String, String, String> routeTemplate;

    /** Every call on the {@code $default} route, as the function's catch-all integration gets it. */
    ConsoleCalls(ConsoleApiHandler handler) {
        this(handler, (method, path) -> null);
    }

    /** Calls on the route whose template ({@code /v1/members/{id}}) {@code routeTemplate} finds, else on {@code $default}. */
    ConsoleCalls(ConsoleApiHandler handler, BiFunction<String, String, String> routeTemplate) {
        this.handler = handler;
        this.routeTemplate = routeTemplate;
    }

    /** {@code body} as a browser reads it (base64 and gzip undone), {@code sent} as the function answered. */
    record Reply(int status, Map<String, String> headers, String body, String sent, boolean base64) {
        /** The body as JSON, or null when there is none or it is not JSON (a page, a spreadsheet). */
        JsonNode json() {
            String type = header("Content-Type");
            if (body.isEmpty() || (type != null && !type.contains("json"))) return null;
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            return base64 ? Base64.getDecoder().decode(sent) : sent.getBytes(StandardCharsets.UTF_8);
        }

        String header(String name) {
            return Bodies.header(headers, name);
        }

        JsonNode error() {
            JsonNode json = json();
            assertThat(json).as("a JSON error body: %s", body).isNotNull();
            return json.get("error");
        }
    }

    Reply as(String groups, String method, String pathAndQuery, String body) {
        return as(groups, method, pathAndQuery, body, Map.of());
    }

    Reply as(String groups, String method, String pathAndQuery, String body, Map<String, String> headers) {
        return call(groups, true, method, pathAndQuery, body, headers);
    }

    Reply as(As caller, String method, String pathAndQuery, String body) {
        return as(caller, method, pathAndQuery, body, Map.of());
    }

    Reply as(As caller, String method, String pathAndQuery, String body, Map<String, String> headers) {
        return call(caller.groups, caller != As.NO_CLAIMS, method, pathAndQuery, body, headers);
    }

    private Reply call(String groups, boolean signedIn, String method, String pathAndQuery, String body,
            Map<String, String> headers) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/console-post-member-jwt.json");
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        String template = routeTemplate.apply(method, path);
        String routeKey = template == null ? "$default" : method + " " + template;
        e.setRouteKey(routeKey);
        e.getRequestContext().setRouteKey(routeKey);
        e.setRawPath(path);
        e.getRequestContext().getHttp().setMethod(method);
        e.getRequestContext().getHttp().setPath(path);
        e.setPathParameters(template == null ? null : pathParameters(template, path));
        e.setRawQueryString(query);
        e.setQueryStringParameters(query.isEmpty() ? null : queryParameters(query));
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
        e.setIsBase64Encoded(e.getHeaders().getOrDefault("content-type", "").startsWith("application/vnd."));
        if (!signedIn) {
            e.getRequestContext().setAuthorizer(null);
            e.getHeaders().remove("authorization");
        } else {
            Map<String, String> claims = e.getRequestContext().getAuthorizer().getJwt().getClaims();
            if (groups == null) claims.remove("cognito:groups");
            else claims.put("cognito:groups", groups);
        }
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertThat(r.getStatusCode()).as("never a 5xx: %s %s → %s", method, pathAndQuery, r.getBody()).isLessThan(500);
        return new Reply(r.getStatusCode(), r.getHeaders() == null ? Map.of() : r.getHeaders(), Bodies.text(r),
                r.getBody() == null ? "" : r.getBody(), r.getIsBase64Encoded());
    }

    /** The template's parameters if {@code path} matches it, else null. */
    static Map<String, String> pathParameters(String template, String path) {
        String[] t = template.substring(1).split("/");
        String[] p = path.substring(1).split("/");
        if (t.length != p.length) return null;
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{")) out.put(t[i].substring(1, t[i].length() - 1), p[i]);
            else if (!t[i].equals(p[i])) return null;
        }
        return out;
    }

    /** As API Gateway passes them: decoded, repeated names joined by commas. */
    private static Map<String, String> queryParameters(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.merge(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8), (a, b) -> a + "," + b);
        }
        return out;
    }
}
