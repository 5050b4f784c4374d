package huzhu.http;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * A request refused at the HTTP edge before any domain rule ran: bad body, no credentials, wrong
 * method, too large, too many. Domain refusals use {@code huzhu.core.error} instead.
 */
public final class RequestRejected extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageKey;
    private final Map<String, String> headers;

    private RequestRejected(int status, String code, String messageKey, Map<String, String> headers) {
        super(status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.headers = Map.copyOf(headers);
    }

    public static RequestRejected malformedJson() {
        return new RequestRejected(400, "malformed_json", "error.malformedJson", Map.of());
    }

    public static RequestRejected emptyBody() {
        return new RequestRejected(400, "malformed_json", "error.emptyBody", Map.of());
    }

    public static RequestRejected unauthenticated() {
        return new RequestRejected(401, "unauthorized", "error.unauthorized",
                Map.of("WWW-Authenticate", "Bearer"));
    }

    /** A request that did not come through the CloudFront distribution in front of the API ({@link Edge}). */
    public static RequestRejected notThroughTheEdge() {
        return new RequestRejected(403, "forbidden", "error.forbidden.edge", Map.of());
    }

    public static RequestRejected methodNotAllowed(Collection<String> allowed) {
        return new RequestRejected(405, "method_not_allowed", "error.methodNotAllowed",
                Map.of("Allow", String.join(", ", allowed)));
    }

    public static RequestRejected tooLarge() {
        return new RequestRejected(413, "too_large", "error.tooLarge", Map.of());
    }

    public static RequestRejected rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new RequestRejected(429, "rate_limited", "error.rateLimited",
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Headers the response must carry (Allow, Retry-After, WWW-Authenticate). */
    public Map<String, String> headers() {
        return headers;
    }
}
