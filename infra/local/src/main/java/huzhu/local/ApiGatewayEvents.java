package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import huzhu.core.kernel.Ids;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates between an HTTP exchange and the HTTP API's Lambda proxy integration, payload format 2.0:
 * headers lower-cased with repeats comma-joined, the {@code Cookie} header moved to {@code cookies},
 * {@code rawPath} and path parameters decoded, {@code rawQueryString} as sent and
 * {@code queryStringParameters} decoded with repeats comma-joined, text bodies as UTF-8 and every other
 * body base64-encoded. Responses go back the way the HTTP API writes them: status, headers, each cookie
 * as a {@code Set-Cookie} header, base64 bodies decoded.
 */
public final class ApiGatewayEvents {
    public static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Ids ids;
    private final LocalAws aws;

    public ApiGatewayEvents(LocalAws aws, Clock clock, Ids ids) {
        this.aws = aws;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param body       the request body as read (already limited by the server), empty for none
     * @param authorizer what the JWT authorizer found, null on public routes
     */
    public APIGatewayV2HTTPEvent request(HttpExchange exchange, byte[] body, LocalRoutes.Match match,
            Authorizer authorizer) {
        Instant now = clock.instant();
        String routeKey = match.route().routeKey();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();

        Map<String, String> headers = headers(exchange.getRequestHeaders());
        List<String> cookies = cookies(headers.remove("cookie"));
        headers.put("x-forwarded-for", sourceIp);
        headers.put("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
        headers.put("x-forwarded-proto", "http");
        String host = headers.getOrDefault("host", "127.0.0.1");

        RequestContext context = RequestContext.builder()
                .withAccountId(aws.accountId())
                .withApiId(API_ID)
                .withAuthorizer(authorizer)
                .withDomainName(host)
                .withDomainPrefix(host.split("[.:]", 2)[0])
                .withHttp(RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(sourceIp)
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .withRequestId(ids.newId())
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();

        boolean hasBody = body.length > 0;
        boolean text = isText(headers.get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query(rawQuery))
                .withPathParameters(match.pathParameters())
                .withRequestContext(context)
                .withBody(!hasBody ? null : text ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(hasBody && !text)
                .build();
    }

    /** Writes the function's response; a response API Gateway would reject throws before anything is sent. */
    public void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response == null) throw new IllegalStateException("the function returned no response");
        int status = response.getStatusCode();
        if (status < 100 || status > 599) throw new IllegalStateException("invalid statusCode " + status);
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);

        Headers out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) out.set(name, value);
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) values.forEach(v -> out.add(name, v));
            });
        }
        if (response.getCookies() != null) response.getCookies().forEach(c -> out.add("Set-Cookie", c));
        Replies.send(exchange, status, body);
    }

    /** What the HTTP API passes as plain text; everything else arrives base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript");
    }

    private static Map<String, String> headers(Headers in) {
        Map<String, String> out = new TreeMap<>();
        in.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            String joined = String.join(",", values);
            out.merge(key, joined, (a, b) -> a + "," + b);
        });
        return out;
    }

    private static List<String> cookies(String header) {
        if (header == null) return null;
        List<String> cookies = new ArrayList<>();
        for (String part : header.split("[;,]")) {
            String c = part.strip();
            if (!c.isEmpty()) cookies.add(c);
        }
        return cookies.isEmpty() ? null : cookies;
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params.isEmpty() ? null : params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%' is passed on as sent
        }
    }
}
