package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers. A plain value (status, headers, text body) so that an idempotent route can
 * store it and answer a repeat with exactly the same thing.
 */
public record ApiResponse(int status, Map<String, String> headers, String body, boolean base64) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    /**
     * Every response, in AWS behind HTTPS only: browsers remember to use HTTPS for two years, subdomains included
     * (over the local stack's plain http browsers ignore it, RFC 6797 §8.1).
     */
    public static final String HSTS = "max-age=63072000; includeSubDomains";
    /** A page without inline code: it may load nothing, be framed by nobody, and post nowhere. */
    public static final String PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    public ApiResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    public ApiResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, false);
    }

    /** A file to save (a spreadsheet): its bytes, base64-encoded as API Gateway passes binary bodies. */
    public static ApiResponse file(String contentType, String fileName, byte[] bytes) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        // RFC 6266 / 5987: an ASCII name for old clients, the UTF-8 one (Chinese) for the rest
        h.put("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        return new ApiResponse(200, h, java.util.Base64.getEncoder().encodeToString(bytes), true);
    }

    /** {@code value} as JSON through {@link Json#mapper()}; never cached by browsers or proxies. */
    public static ApiResponse json(int status, Object value) {
        return of(status, JSON, Json.write(value));
    }

    /**
     * A page for people, under {@link #PAGE_POLICY} unless the caller names its own; {@code no-referrer}
     * because trigger and ack pages carry a personal token in their URL.
     */
    public static ApiResponse html(int status, String html) {
        return of(status, HTML, html).withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Content-Security-Policy", PAGE_POLICY)
                .withHeader("X-Frame-Options", "DENY");
    }

    /** Any text body with its content type (console scripts and styles). */
    public static ApiResponse of(int status, String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        return new ApiResponse(status, h, body);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, Map.of("Cache-Control", "no-store"), "");
    }

    /** A copy with {@code name} set to {@code value}, replacing any header of that name in any case. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(name::equalsIgnoreCase);
        h.put(name, value);
        return new ApiResponse(status, h, body, base64);
    }

    /** A copy whose ETag names this version of the record it answers with ({@link Versions}). */
    public ApiResponse withVersion(long version) {
        return withHeader("ETag", Versions.etag(version, body));
    }

    /** The header's value, looked up case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** The Lambda response, with the headers every response carries (HSTS, nosniff). */
    public APIGatewayV2HTTPResponse toEvent() {
        Map<String, String> h = withHeader("Strict-Transport-Security", HSTS)
                .withHeader("X-Content-Type-Options", "nosniff").headers();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(h)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }
}
