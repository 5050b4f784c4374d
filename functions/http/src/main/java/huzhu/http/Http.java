package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.core.error.ChangedMeanwhile;
import huzhu.core.error.Conflict;
import huzhu.core.error.DependencyFailure;
import huzhu.core.error.Forbidden;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.error.RateLimited;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.log.JsonLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The edge of every HTTP function: builds the {@link ApiRequest}, runs the route, and is the one place
 * where failures become the contract's error body. Domain and request failures get their 4xx; a
 * dependency failure or anything unexpected is logged once and answered 503 (safe to retry), never
 * 500 and never with a stack trace.
 */
public final class Http {
    /** A caller that shows one language (the console) names it here, and gets error texts in it alone. */
    public static final String LANGUAGE_HEADER = "X-Huzhu-Language";

    private Http() {
    }

    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Route route) {
        return serve(event, Edge.NONE, route, url -> { });
    }

    /**
     * Serves an event that came through {@code edge} (refused, 403, if it did not). {@code publicBaseUrl} is told
     * the address the person used, once the edge has vouched for it (functions without a configured public URL
     * build their links on it).
     */
    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Edge edge, Route route,
            Consumer<String> publicBaseUrl) {
        ApiResponse response;
        try {
            publicBaseUrl.accept(publicBaseUrl(edge.admit(event)));
            response = route.handle(ApiRequest.of(event));
            if (response == null) throw new IllegalStateException("route returned no response");
        } catch (Exception e) {
            response = failure(e, event);
        }
        return response.toEvent();
    }

    /**
     * The public URL the request came in on ({@code https://} + the API's or custom domain), as API
     * Gateway reports it; null when the event does not say.
     */
    public static String publicBaseUrl(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null) return null;
        String domain = event.getRequestContext().getDomainName();
        if (domain == null || domain.isBlank()) return null;
        String stage = event.getRequestContext().getStage();
        String prefix = stage == null || stage.isBlank() || stage.equals("$default") ? "" : "/" + stage;
        String scheme = domain.startsWith("localhost") || domain.startsWith("127.") ? "http://" : "https://";
        return scheme + domain + prefix;
    }

    private static ApiResponse failure(Exception e, APIGatewayV2HTTPEvent event) {
        Refusal refusal = refusal(e);
        if (refusal == null) {
            JsonLog.error(e instanceof DependencyFailure ? "dependency failed" : "unexpected failure", e,
                    logFields(event));
            refusal = new Refusal(503, "unavailable", "error.unavailable", Map.of(), Map.of(), Map.of());
        } else {
            Map<String, Object> log = logFields(event);
            log.put("status", refusal.status);
            log.put("code", refusal.code);
            JsonLog.debug("request refused", log);
        }
        Language reader = language(event);
        String message = said(reader, refusal.messageKey, refusal.args);
        Map<String, String> fields = new LinkedHashMap<>();
        refusal.fields.forEach((field, key) -> fields.put(field, said(reader, key, Map.of())));
        ApiResponse response = wantsHtml(event)
                ? ApiResponse.html(refusal.status, page(message))
                : ApiResponse.json(refusal.status, ErrorBody.of(refusal.code, message, fields));
        for (Map.Entry<String, String> h : refusal.headers.entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        return response;
    }

    private record Refusal(int status, String code, String messageKey, Map<String, ?> args,
            Map<String, String> fields, Map<String, String> headers) {
    }

    /** The 4xx answer for a failure the caller caused; null for everything else (503). */
    private static Refusal refusal(Exception e) {
        if (e instanceof RequestRejected r) {
            return new Refusal(r.status(), r.code(), r.messageKey(), Map.of(), Map.of(), r.headers());
        }
        if (e instanceof NotFound n) {
            return new Refusal(404, "not_found", n.messageKey(), n.args(), Map.of(), Map.of());
        }
        if (e instanceof Conflict c) {
            return new Refusal(409, c.code(), c.messageKey(), c.args(), Map.of(), Map.of());
        }
        if (e instanceof ChangedMeanwhile c) {
            return new Refusal(412, "changed_meanwhile", c.messageKey(), c.args(), Map.of(), Map.of());
        }
        if (e instanceof Forbidden f) {
            return new Refusal(403, f.code(), f.messageKey(), f.args(), Map.of(), Map.of());
        }
        if (e instanceof RateLimited r) {
            RequestRejected limited = RequestRejected.rateLimited(r.retryAfter());
            return new Refusal(429, limited.code(), r.messageKey(), Map.of(), Map.of(), limited.headers());
        }
        if (e instanceof Invalid i) {
            return new Refusal(422, "validation_failed", i.messageKey(), i.args(), i.fields(), Map.of());
        }
        return null;
    }

    /** The language named in {@link #LANGUAGE_HEADER}, or null: both. */
    public static Language language(APIGatewayV2HTTPEvent event) {
        if (event.getHeaders() == null) return null;
        for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
            if (LANGUAGE_HEADER.equalsIgnoreCase(h.getKey())) return Language.of(h.getValue());
        }
        return null;
    }

    /** A text for people in the reader's language, or in both when the reader did not say. */
    public static String said(Language reader, String key, Map<String, ?> args) {
        return reader == null ? Messages.bilingual(key, args) : Messages.text(reader, key, args);
    }

    /** The route key, never the path: paths carry trigger and ack tokens. */
    private static Map<String, Object> logFields(APIGatewayV2HTTPEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        var ctx = event.getRequestContext();
        if (ctx != null && ctx.getRequestId() != null) fields.put("requestId", ctx.getRequestId());
        if (ctx != null && ctx.getHttp() != null) fields.put("method", ctx.getHttp().getMethod());
        fields.put("routeKey", event.getRouteKey());
        return fields;
    }

    /** A browser opening a link (an ack link from an SMS) reads a page, not JSON. */
    private static boolean wantsHtml(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        String method = ctx == null || ctx.getHttp() == null ? null : ctx.getHttp().getMethod();
        if (!"GET".equalsIgnoreCase(method) || event.getHeaders() == null) return false;
        for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
            if ("accept".equalsIgnoreCase(h.getKey())) return h.getValue() != null && h.getValue().contains("text/html");
        }
        return false;
    }

    private static String page(String message) {
        String title = Html.escape(Messages.bilingual("error.pageTitle", Map.of()));
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
                + Html.escape(message) + "</p></body></html>";
    }
}
