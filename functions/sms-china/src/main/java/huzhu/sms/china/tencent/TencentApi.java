package huzhu.sms.china.tencent;

import huzhu.sms.china.HttpPost;
import huzhu.core.kernel.JsonText;
import huzhu.sms.china.SendFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One signed call of the SMS API (version {@code 2021-01-11}): a JSON POST to the endpoint with the action in
 * {@code X-TC-Action}. The API answers HTTP 200 for its own errors too, with {@code Response.Error}.
 */
final class TencentApi {
    static final String VERSION = "2021-01-11";
    static final String SERVICE = "sms";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** The {@code Response} object of a successful call, or why the call failed. */
    record Result(Map<String, Object> response, SendFailure failure) {
    }

    private final TencentConfig config;
    private final HttpPost http;
    private final Clock clock;

    TencentApi(TencentConfig config, HttpPost http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    TencentConfig config() {
        return config;
    }

    Result call(String action, Map<String, Object> payload) {
        String body = JsonText.write(payload);
        long timestamp = clock.instant().getEpochSecond();
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", CONTENT_TYPE);
        signed.put("host", config.endpoint().getRawAuthority());
        signed.put("x-tc-action", action);
        Tc3Signer.Signed signature = Tc3Signer.sign(config.secretId(), config.secretKey(), SERVICE, timestamp, "POST",
                "", signed, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", signature.authorization());
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        headers.put("X-TC-Version", VERSION);
        headers.put("X-TC-Region", config.region());
        HttpPost.Reply reply;
        try {
            reply = http.post(config.endpoint().resolve("/"), headers, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // no answer (refused, timed out, reset): it may or may not have been done
            return new Result(null, SendFailure.transientFailure("network", " (" + e.getClass().getSimpleName() + ")"));
        }
        Map<String, Object> response = response(reply.body());
        if (response == null) return new Result(null, TencentErrors.classify(Math.max(reply.status(), 500), null));
        Map<String, Object> error = JsonText.object(response.get("Error"));
        if (error != null) return new Result(null, TencentErrors.classify(reply.status(), JsonText.text(error, "Code")));
        if (reply.status() != 200) return new Result(null, TencentErrors.classify(reply.status(), null));
        return new Result(response, null);
    }

    /** The {@code Response} object of the answer, or null when the answer is not the API's JSON (a proxy's page). */
    private static Map<String, Object> response(String body) {
        try {
            Map<String, Object> top = JsonText.object(JsonText.parse(body));
            return top == null ? null : JsonText.object(top.get("Response"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
