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
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for oapi.dingtalk.com's custom robot as DingTalk documents it: POST
 * {@code /robot/send?access_token=TOKEN&timestamp=T&sign=S}, where T is epoch milliseconds within an hour of
 * the server's clock and S, URL-decoded, is Base64(HmacSHA256(key = secret, T + "\n" + secret)), computed here
 * independently of the client. errcode 0 "ok"; 300001 for an unknown token; 310000 for a failed signature or
 * timestamp; 40035 for a body without msgtype text or markdown.
 */
record DingTalkStandIn(String token, String secret, Instant now) implements StandInReplies.Vendor {
    static final String NAME = "dingtalk-stand-in";
    /** The access token and signing secret of the union's example robot. */
    static final String TOKEN = "50cb6e954c89afa14fb97754eafd886d658fcda27d05015a26b474e7bd2f0a59";
    static final String SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    static final String SIGN_NOT_MATCH =
            "{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}";
    static final String SEND_TOO_FAST = "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}";

    /** A server that answers as this stand-in, for stubs that name it ({@link #NAME}). */
    WireMockExtension server() {
        return StandInReplies.server(StandInReplies.extension(NAME, this));
    }

    @Override
    public ResponseDefinition answer(Request request) {
        if (!StandInReplies.path(request).equals("/robot/send") || !StandInReplies.isJsonPost(request)) {
            return json(404, "{\"errcode\":404,\"errmsg\":\"not found\"}");
        }
        Map<String, String> query = StandInReplies.query(request);
        if (!token.equals(query.get("access_token"))) {
            return json(200, "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
        }
        if (!signed(query.get("timestamp"), query.get("sign"))) return json(200, SIGN_NOT_MATCH);
        if (!validBody(StandInReplies.body(request))) {
            return json(200, "{\"errcode\":40035,\"errmsg\":\"缺少参数 json\"}");
        }
        return json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private boolean signed(String timestamp, String sign) {
        if (timestamp == null || sign == null || !timestamp.matches("\\d{13}")) return false;
        Instant at = Instant.ofEpochMilli(Long.parseLong(timestamp));
        if (Duration.between(at, now).abs().compareTo(Duration.ofHours(1)) > 0) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(expected).equals(sign);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean validBody(JsonNode body) {
        if (body == null || !StandInReplies.hasText(body, "msgtype")) return false;
        return switch (body.get("msgtype").asText()) {
            case "text" -> StandInReplies.hasText(body.path("text"), "content");
            case "markdown" -> StandInReplies.hasText(body.path("markdown"), "title")
                    && StandInReplies.hasText(body.path("markdown"), "text");
            default -> false;
        };
    }
}
