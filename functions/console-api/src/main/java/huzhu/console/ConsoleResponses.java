package huzhu.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * What every console answer goes through last: an ETag on what a GET read (the page's files, and the JSON the
 * board and the incident screen poll every few seconds), a 304 with no body when the caller already has it, and
 * gzip for text worth compressing when the caller accepts it. API Gateway's HTTP API compresses nothing itself; a
 * compressed body goes out base64-encoded, as it does for any binary body. JSON keeps {@code no-store} (it holds
 * members' data): the console remembers the last answer per address in memory and asks with If-None-Match itself.
 */
final class ConsoleResponses {
    /** Below this, gzip's header and the base64 step cost more than they save. */
    static final int MIN_GZIP_BYTES = 1024;

    private ConsoleResponses() {
    }

    static APIGatewayV2HTTPResponse finish(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        if (response.getIsBase64Encoded() || response.getBody() == null || response.getBody().isEmpty()) return response;
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        byte[] body = response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getStatusCode() == 200 && "GET".equalsIgnoreCase(method(request))) {
            // an editable record's ETag names its version (If-Match of the edit based on it) and ends in a digest
            // of this body, so it serves If-None-Match as well as ours would: kept, or every edit would be stale
            String etag = routeEtag(headers);
            if (etag == null) {
                etag = etag(body);
                headers.put("ETag", etag);
            }
            if (matches(header(request, "if-none-match"), etag)) {
                headers.remove("Content-Type");
                return APIGatewayV2HTTPResponse.builder().withStatusCode(304).withHeaders(headers).withBody("")
                        .withIsBase64Encoded(false).build();
            }
        }
        if (body.length < MIN_GZIP_BYTES || !compressible(headers.get("Content-Type"))
                || !accepts(header(request, "accept-encoding"))) {
            return withHeaders(response, headers);
        }
        headers.put("Content-Encoding", "gzip");
        headers.put("Vary", "Accept-Encoding");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.getStatusCode()).withHeaders(headers)
                .withMultiValueHeaders(response.getMultiValueHeaders()).withCookies(response.getCookies())
                .withBody(Base64.getEncoder().encodeToString(gzip(body))).withIsBase64Encoded(true).build();
    }

    /** A strong validator: the body's SHA-256, cut to 128 bits. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String routeEtag(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("ETag")) return h.getValue();
        }
        return null;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals(etag) || c.equals("*")) return true;
        }
        return false;
    }

    private static boolean compressible(String contentType) {
        if (contentType == null) return false;
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("application/json") || t.contains("javascript")
                || t.startsWith("image/svg");
    }

    private static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.strip().split(";");
            if (!coding[0].strip().equals("gzip")) continue;
            return coding.length < 2 || !coding[1].replace(" ", "").equals("q=0");
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static APIGatewayV2HTTPResponse withHeaders(APIGatewayV2HTTPResponse r, Map<String, String> headers) {
        r.setHeaders(headers);
        return r;
    }

    private static String method(APIGatewayV2HTTPEvent e) {
        return e.getRequestContext() == null || e.getRequestContext().getHttp() == null ? null
                : e.getRequestContext().getHttp().getMethod();
    }

    private static String header(APIGatewayV2HTTPEvent e, String name) {
        if (e.getHeaders() == null) return null;
        for (Map.Entry<String, String> h : e.getHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        }
        return null;
    }
}
