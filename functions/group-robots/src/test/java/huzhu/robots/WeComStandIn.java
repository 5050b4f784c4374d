package huzhu.robots;

import static huzhu.robots.StandInReplies.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for qyapi.weixin.qq.com's group robot webhook as WeCom documents it: POST
 * {@code /cgi-bin/webhook/send?key=KEY} with a JSON body of msgtype {@code text} (content at most 2048 UTF-8
 * bytes) or {@code markdown} (4096); errcode 0 and "ok"; 93000 for a key it does not know; 40008 for a body
 * it cannot take.
 */
record WeComStandIn(String key) implements StandInReplies.Vendor {
    static final String NAME = "wecom-stand-in";
    /** The key of the union's example robot. */
    static final String KEY = "693a91f6-7e1c-4bc4-97a0-0ec2a1fa5aaa";
    static final String UNKNOWN_KEY = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1755605200056773468916791],"
            + " from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=93000\"}";
    static final String FREQUENCY_LIMIT = "{\"errcode\":45009,\"errmsg\":\"api freq out of limit, hint: [1635043469_160_1ea1b1d9],"
            + " from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=45009\"}";

    /** A server that answers as this stand-in, for stubs that name it ({@link #NAME}). */
    WireMockExtension server() {
        return StandInReplies.server(StandInReplies.extension(NAME, this));
    }

    @Override
    public ResponseDefinition answer(Request request) {
        if (!StandInReplies.path(request).equals("/cgi-bin/webhook/send") || !StandInReplies.isJsonPost(request)) {
            return json(404, "{\"errcode\":404,\"errmsg\":\"not found\"}");
        }
        Map<String, String> query = StandInReplies.query(request);
        if (!query.keySet().equals(Set.of("key")) || !key.equals(query.get("key"))) return json(200, UNKNOWN_KEY);
        if (!validBody(StandInReplies.body(request))) {
            return json(200, "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}");
        }
        return json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private static boolean validBody(JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 2 || !StandInReplies.hasText(body, "msgtype")) return false;
        String type = body.get("msgtype").asText();
        int max = switch (type) {
            case "text" -> 2048;
            case "markdown" -> 4096;
            default -> -1;
        };
        JsonNode message = body.path(type);
        if (max < 0 || !message.isObject() || !StandInReplies.hasText(message, "content")) return false;
        for (Iterator<String> fields = message.fieldNames(); fields.hasNext(); ) {
            if (!fields.next().equals("content")) return false;
        }
        return StandInReplies.utf8Length(message.get("content").asText()) <= max;
    }
}
