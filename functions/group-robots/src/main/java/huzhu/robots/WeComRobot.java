package huzhu.robots;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * WeCom (企业微信) group robot: {@code POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY} with
 * {@code {"msgtype":"text","text":{"content":…}}} (at most 2048 UTF-8 bytes) or
 * {@code {"msgtype":"markdown","markdown":{"content":…}}} (at most 4096). It answers {@code errcode} 0 when
 * posted, 45009 when over its limit of 20 messages a minute, 93000 for a key it does not know. WeCom robots
 * have no signature: the key in the URL is the credential.
 */
public final class WeComRobot implements GroupChat {
    public static final URI DEFAULT_BASE_URL = URI.create("https://qyapi.weixin.qq.com");
    static final int TEXT_MAX_BYTES = 2048;
    static final int MARKDOWN_MAX_BYTES = 4096;

    static final int OK = 0;
    static final int SYSTEM_BUSY = -1;
    static final int FREQUENCY_LIMIT = 45009;

    private final String name;
    private final URI sendUri;
    private final Style style;
    private final WebhookTransport transport;
    private final Redaction redaction;

    public WeComRobot(String name, URI baseUrl, String key, Style style, WebhookTransport transport) {
        this.name = name;
        String k = Webhook.requireToken(key, "the WeCom robot key");
        this.sendUri = URI.create(Webhook.base(baseUrl) + "/cgi-bin/webhook/send?key="
                + URLEncoder.encode(k, StandardCharsets.UTF_8));
        this.style = style;
        this.transport = transport;
        this.redaction = new Redaction(k);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vendor() {
        return "wecom";
    }

    @Override
    public PostResult post(GroupMessage message) {
        return Webhook.send(transport, sendUri, body(message), WeComRobot::classify, redaction);
    }

    byte[] body(GroupMessage message) {
        if (style == Style.RICH) {
            String content = message.title().isEmpty()
                    ? message.text() : "**" + message.title() + "**\n" + message.text();
            return VendorJson.object(json -> {
                json.writeStringField("msgtype", "markdown");
                json.writeObjectFieldStart("markdown");
                json.writeStringField("content", Utf8.truncate(content, MARKDOWN_MAX_BYTES));
                json.writeEndObject();
            });
        }
        return VendorJson.object(json -> {
            json.writeStringField("msgtype", "text");
            json.writeObjectFieldStart("text");
            json.writeStringField("content", Utf8.truncate(message.plain(), TEXT_MAX_BYTES));
            json.writeEndObject();
        });
    }

    private static PostResult classify(int status, VendorJson.Reply reply, String detail) {
        return switch (reply.code()) {
            case OK -> PostResult.posted();
            case FREQUENCY_LIMIT -> PostResult.throttled(detail);
            case SYSTEM_BUSY -> PostResult.transientFailure(detail);
            default -> Webhook.otherCode(status, detail);
        };
    }
}
