package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only view of one HTTP API (payload 2.0) request, with the typed helpers every route needs.
 * The body is size-checked and decoded once, when the view is made.
 */
public final class ApiRequest {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final Map<String, String> pathParameters;
    private final Map<String, String> claims;
    private final String body;

    private ApiRequest(APIGatewayV2HTTPEvent event, String method, String path, Map<String, String> headers,
            Map<String, String> query, Map<String, String> pathParameters, Map<String, String> claims,
            String body) {
        this.event = event;
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.query = query;
        this.pathParameters = pathParameters;
        this.claims = claims;
        this.body = body;
    }

    /** The view of {@code event}; a 413 when the body is over 64 KiB, checked before anything reads it. */
    public static ApiRequest of(APIGatewayV2HTTPEvent event) {
        String body = decodeBody(event);
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) headers.putAll(event.getHeaders());
        return new ApiRequest(event, methodOf(event), pathOf(event), Collections.unmodifiableMap(headers),
                copy(event.getQueryStringParameters()), copy(event.getPathParameters()), claimsOf(event), body);
    }

    /** The same request with the parameters a matched path template found (the router calls this). */
    public ApiRequest withPathParameters(Map<String, String> params) {
        Map<String, String> merged = new HashMap<>(pathParameters);
        merged.putAll(params);
        return new ApiRequest(event, method, path, headers, query, Collections.unmodifiableMap(merged), claims, body);
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    /** Upper case, e.g. {@code GET}; empty when the event names none. */
    public String method() {
        return method;
    }

    /** The path exactly as API Gateway sent it (with a named stage's prefix, if any). */
    public String rawPath() {
        return event.getRawPath() != null ? event.getRawPath() : path;
    }

    /**
     * The path the routes are written against. A named (non-{@code $default}) stage puts its name in
     * front of rawPath, so {@code /prod/v1/members} is {@code /v1/members} here.
     */
    public String path() {
        return path;
    }

    /** e.g. {@code GET /v1/members/{id}}, or {@code $default}; safe to log, unlike the path, which holds tokens. */
    public String routeKey() {
        return event.getRouteKey();
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /** A parameter the route's template declares; asking for an undeclared one is a programming error. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) throw new IllegalStateException("route has no path parameter " + name);
        return value;
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    /** A query parameter; blank counts as absent. */
    public Optional<String> query(String name) {
        String v = query.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** All headers, looked up case-insensitively. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * The Idempotency-Key, scoped to the caller who sent it (one officer's key never answers another's); null when
     * there is none. For routes that have required a signed-in caller.
     */
    public String callersIdempotencyKey() {
        return header("idempotency-key").filter(k -> !k.isBlank()).map(k -> caller().id() + ":" + k).orElse(null);
    }

    /** The versions an edit was based on, from If-Match ({@link Versions}); no If-Match: whatever is stored. */
    public BasedOn basedOn() {
        return Versions.basedOn(headers.get("if-match"));
    }

    /**
     * The one language the caller reads ({@value Http#LANGUAGE_HEADER}: the console says which it shows), or
     * empty: texts for people then come in both (Chinese first).
     */
    public Optional<Language> language() {
        return header(Http.LANGUAGE_HEADER).map(Language::of);
    }

    /** The body as sent, bytes (a spreadsheet); its size was checked when the request was read. */
    public byte[] bodyBytes() {
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) return new byte[0];
        if (!event.getIsBase64Encoded()) return raw.getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformedJson();
        }
    }

    /** The body as UTF-8 text (base64 already decoded); empty when there is none or it is binary. */
    public String body() {
        return body;
    }

    public String sourceIp() {
        var ctx = event.getRequestContext();
        return ctx == null || ctx.getHttp() == null ? null : ctx.getHttp().getSourceIp();
    }

    public String requestId() {
        var ctx = event.getRequestContext();
        return ctx == null ? null : ctx.getRequestId();
    }

    /** The verified JWT's claims; empty on public routes. */
    public Map<String, String> claims() {
        return claims;
    }

    /** The signed-in caller; a 401 when the request carries no claims. */
    public Caller caller() {
        return Caller.fromClaims(claims);
    }

    /** The caller, if signed in (401) with one of {@code roles} (403). */
    public Caller requireAny(Role... roles) {
        return caller().requireAny(roles);
    }

    /**
     * The body mapped to {@code type}. Not JSON, or empty: 400. JSON of the wrong shape (a word where a
     * number goes, an unknown enum word, a bad date): 422 naming the field's JSON path.
     */
    public <T> T bodyAs(Class<T> type) {
        if (body.isBlank()) throw RequestRejected.emptyBody();
        T value = JsonMapping.read(body, type);
        if (value == null) throw RequestRejected.emptyBody();
        return value;
    }

    /** Like {@link #bodyAs} for routes whose fields are all optional: no body reads as {@code {}}. */
    public <T> T bodyOrEmpty(Class<T> type) {
        if (body.isBlank()) return JsonMapping.read("{}", type);
        T value = JsonMapping.read(body, type);
        return value == null ? JsonMapping.read("{}", type) : value;
    }

    /** {@code ?limit=}: 50 when absent, else 1 to 200 (422 on field {@code limit} otherwise). */
    public int limit() {
        Optional<String> raw = query("limit");
        if (raw.isEmpty()) return PageRequest.DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(raw.get());
            if (n >= 1 && n <= PageRequest.MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw Invalid.of("limit", "invalid.limit");
    }

    /** {@code ?cursor=} as the previous page returned it, or null. */
    public String cursor() {
        return query("cursor").orElse(null);
    }

    public PageRequest page() {
        return new PageRequest(cursor(), limit());
    }

    /** {@code ?from=} as an instant, or null. */
    public Instant from() {
        return instant("from");
    }

    /** {@code ?to=} as an instant, or null. */
    public Instant to() {
        return instant("to");
    }

    /**
     * An ISO-8601 instant query parameter ({@code 2026-01-01T00:00:00Z} or with an offset), or null
     * when absent; 422 on that field otherwise.
     */
    public Instant instant(String name) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) return null;
        // An unencoded '+' in a query string arrives as a space: "…T08:00:00 08:00".
        String text = raw.get().replace(' ', '+');
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw Invalid.of(name, "invalid.time");
            }
        }
    }

    private static String decodeBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) return "";
        if (event.getIsBase64Encoded()) {
            int padding = raw.endsWith("==") ? 2 : raw.endsWith("=") ? 1 : 0;
            if ((long) raw.length() / 4 * 3 - padding > MAX_BODY_BYTES) throw RequestRejected.tooLarge();
            try {
                byte[] bytes = Base64.getDecoder().decode(raw);
                if (bytes.length > MAX_BODY_BYTES) throw RequestRejected.tooLarge();
                if (binary(event)) return ""; // read as bytes by the route (bodyBytes)
                // strictly: a lenient decoder would turn bad bytes into U+FFFD and store them as if typed
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw RequestRejected.malformedJson();
            }
        }
        if (raw.length() > MAX_BODY_BYTES || utf8Length(raw) > MAX_BODY_BYTES) throw RequestRejected.tooLarge();
        return raw;
    }

    /** A body that is no text (an uploaded spreadsheet): its bytes are read with {@link #bodyBytes()}. */
    private static boolean binary(APIGatewayV2HTTPEvent event) {
        if (event.getHeaders() == null) return false;
        for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
            if (!"content-type".equalsIgnoreCase(h.getKey()) || h.getValue() == null) continue;
            String type = h.getValue().toLowerCase(java.util.Locale.ROOT);
            return type.startsWith("application/vnd.openxmlformats") || type.startsWith("application/octet-stream");
        }
        return false;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(map));
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    private static String methodOf(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx != null && ctx.getHttp() != null && ctx.getHttp().getMethod() != null) {
            return ctx.getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String routeKey = event.getRouteKey();
        if (routeKey != null && !routeKey.startsWith("$")) {
            int space = routeKey.indexOf(' ');
            if (space > 0) return routeKey.substring(0, space).toUpperCase(Locale.ROOT);
        }
        return "";
    }

    private static String pathOf(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        String p = event.getRawPath();
        if (p == null && ctx != null && ctx.getHttp() != null) p = ctx.getHttp().getPath();
        if (p == null || p.isEmpty()) return "/";
        String stage = ctx == null ? null : ctx.getStage();
        if (stage != null && !stage.isEmpty() && !"$default".equals(stage)) {
            String prefix = "/" + stage;
            if (p.equals(prefix)) return "/";
            if (p.startsWith(prefix + "/")) return p.substring(prefix.length());
        }
        return p;
    }

    /*
     * Claims are typed Map<String, String>, but an event built by hand or by a generic JSON mapper
     * can hold a list for cognito:groups; it is rendered as a JSON array, which the role parser reads
     * name by name (String.valueOf's "[admin, officer]" would be read as the group "admin,").
     */
    private static Map<String, String> claimsOf(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) return Map.of();
        Map<String, ?> raw = ctx.getAuthorizer().getJwt().getClaims();
        if (raw == null || raw.isEmpty()) return Map.of();
        Map<String, String> out = new HashMap<>();
        raw.forEach((k, v) -> {
            if (k == null || v == null) return;
            out.put(k, v instanceof Collection<?> list ? JsonMapping.jsonArray(list) : String.valueOf(v));
        });
        return Collections.unmodifiableMap(out);
    }
}
