package huzhu.robots;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * Feishu (飞书) or Lark custom bot: {@code POST https://open.feishu.cn/open-apis/bot/v2/hook/HOOK} (Lark:
 * {@code https://open.larksuite.com}) with {@code {"msg_type":"text","content":{"text":…}}} or rich text
 * {@code {"msg_type":"post","content":{"post":{"zh_cn":{"title":…,"content":[[{"tag":"text","text":…}]]}}}}}.
 * With 签名校验 the body also carries {@code timestamp} (epoch seconds, as a string, within an hour) and
 * {@code sign} ({@link Signatures#feishu}). The body may not exceed 20 KB. It answers {@code code} 0 when posted;
 * 11232, or 9499 "too many request", when over its limit (100 a minute, 5 a second); 19021 for a failed
 * signature or stale timestamp; 9499 "Bad Request" for a body it cannot read.
 */
public final class FeishuRobot implements GroupChat {
    public static final URI FEISHU_BASE_URL = URI.create("https://open.feishu.cn");
    public static final URI LARK_BASE_URL = URI.create("https://open.larksuite.com");
    static final int CONTENT_MAX_BYTES = 18_000;

    static final int OK = 0;
    static final int FREQUENCY_LIMITED = 11232;
    static final int BAD_REQUEST_OR_TOO_MANY = 9499;

    private final String name;
    private final String vendor;
    private final URI hookUri;
    private final String secret;
    private final Clock clock;
    private final Style style;
    private final WebhookTransport transport;
    private final Redaction redaction;

    /**
     * @param vendor {@code feishu} or {@code lark} (for logs; the base URL decides where it goes)
     * @param hook   the last path segment of the webhook address
     * @param secret the bot's 签名校验 secret; null for a bot secured by keyword or IP only
     */
    public FeishuRobot(String name, String vendor, URI baseUrl, String hook, String secret, Clock clock, Style style,
            WebhookTransport transport) {
        this.name = name;
        this.vendor = vendor;
        String h = Webhook.requireToken(hook, "the Feishu/Lark hook id");
        this.secret = Webhook.optionalSecret(secret, "the Feishu/Lark signing secret");
        this.hookUri = URI.create(Webhook.base(baseUrl) + "/open-apis/bot/v2/hook/" + h);
        this.clock = clock;
        this.style = style;
        this.transport = transport;
        this.redaction = new Redaction(h, this.secret);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public PostResult post(GroupMessage message) {
        return Webhook.send(transport, hookUri, body(message), FeishuRobot::classify, redaction);
    }

    /** A fresh timestamp and signature for every attempt: a retry must not reuse a stale one. */
    byte[] body(GroupMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        return VendorJson.object(json -> {
            if (secret != null) {
                json.writeStringField("timestamp", Long.toString(timestamp));
                json.writeStringField("sign", Signatures.feishu(timestamp, secret));
            }
            if (style == Style.RICH) {
                json.writeStringField("msg_type", "post");
                json.writeObjectFieldStart("content");
                json.writeObjectFieldStart("post");
                json.writeObjectFieldStart("zh_cn");
                json.writeStringField("title", message.title());
                json.writeArrayFieldStart("content");
                for (String line : Utf8.truncate(message.text(), CONTENT_MAX_BYTES).split("\n")) {
                    json.writeStartArray();
                    json.writeStartObject();
                    json.writeStringField("tag", "text");
                    json.writeStringField("text", line);
                    json.writeEndObject();
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
            } else {
                json.writeStringField("msg_type", "text");
                json.writeObjectFieldStart("content");
                json.writeStringField("text", Utf8.truncate(message.plain(), CONTENT_MAX_BYTES));
                json.writeEndObject();
            }
        });
    }

    private static PostResult classify(int status, VendorJson.Reply reply, String detail) {
        return switch (reply.code()) {
            case OK -> PostResult.posted();
            case FREQUENCY_LIMITED -> PostResult.throttled(detail);
            case BAD_REQUEST_OR_TOO_MANY -> reply.message().toLowerCase(Locale.ROOT).contains("too many")
                    ? PostResult.throttled(detail) : PostResult.permanentFailure(detail);
            default -> Webhook.otherCode(status, detail);
        };
    }
}
