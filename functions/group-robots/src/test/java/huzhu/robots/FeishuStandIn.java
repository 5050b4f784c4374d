package huzhu.robots;

import static huzhu.robots.StandInReplies.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for open.feishu.cn's (and open.larksuite.com's) custom bot as Feishu documents it: POST
 * {@code /open-apis/bot/v2/hook/HOOK} with {@code timestamp} (epoch seconds, a string, within an hour) and
 * {@code sign} = Base64(HmacSHA256(key = timestamp + "\n" + secret, empty message)) in the body, computed here
 * independently of the client. code 0 "success"; 19001 for an unknown hook; 19021 for a failed signature or
 * timestamp; HTTP 400 with 9499 "Bad Request" for a body it cannot take or one over 20 KB.
 */
record FeishuStandIn(String hook, String secret, Instant now) implements StandInReplies.Vendor {
    static final String NAME = "feishu-stand-in";
    /** The hook and signing secret of the union's example robot. */
    static final String HOOK = "5e3d587e-d78e-4a07-bd07-265f269f86fd";
    static final String SECRET = "nIMtb7r3N9pkXyXdtAbx6e";
    static final String SIGN_MATCH_FAIL = "{\"code\":19021,\"data\":{},"
            + "\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}";
    static final String TOO_MANY_REQUEST = "{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}";
    static final String FREQUENCY_LIMITED = "{\"code\":11232,\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]appID[1]\",\"data\":{}}";
    static final String HOOK_PATH = "/open-apis/bot/v2/hook/";

    /** A server that answers as this stand-in, for stubs that name it ({@link #NAME}). */
    WireMockExtension server() {
        return StandInReplies.server(StandInReplies.extension(NAME, this));
    }

    @Override
    public ResponseDefinition answer(Request request) {
        String path = StandInReplies.path(request);
        if (!path.startsWith(HOOK_PATH) || !StandInReplies.isJsonPost(request)) {
            return json(404, "{\"code\":404,\"msg\":\"not found\"}");
        }
        if (!path.equals(HOOK_PATH + hook)) {
            return json(200, "{\"code\":19001,\"data\":{},\"msg\":\"param invalid: incoming webhook access token invalid\"}");
        }
        JsonNode body = StandInReplies.body(request);
        if (body == null || request.getBody().length > 20 * 1024) {
            return json(400, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
        }
        if (!signed(body.path("timestamp"), body.path("sign"))) return json(200, SIGN_MATCH_FAIL);
        if (!validMessage(body)) return json(400, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
        return json(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");
    }

    private boolean signed(JsonNode timestamp, JsonNode sign) {
        if (!timestamp.isTextual() || !sign.isTextual() || !timestamp.asText().matches("\\d{10}")) return false;
        Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.asText()));
        if (Duration.between(at, now).abs().compareTo(Duration.ofHours(1)) > 0) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            String key = timestamp.asText() + "\n" + secret;
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])).equals(sign.asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean validMessage(JsonNode body) {
        JsonNode content = body.path("content");
        return switch (body.path("msg_type").asText("")) {
            case "text" -> StandInReplies.hasText(content, "text");
            case "post" -> {
                JsonNode zh = content.path("post").path("zh_cn");
                JsonNode paragraphs = zh.path("content");
                boolean ok = zh.path("title").isTextual() && paragraphs.isArray() && !paragraphs.isEmpty();
                for (JsonNode paragraph : paragraphs) {
                    for (JsonNode element : paragraph) {
                        ok &= element.path("tag").asText("").equals("text") && element.path("text").isTextual();
                    }
                }
                yield ok;
            }
            default -> false;
        };
    }
}
