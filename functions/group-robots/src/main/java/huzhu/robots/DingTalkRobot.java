package huzhu.robots;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * DingTalk (钉钉) custom robot: {@code POST https://oapi.dingtalk.com/robot/send?access_token=TOKEN} with
 * {@code {"msgtype":"text","text":{"content":…}}} or {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}.
 * With a signing secret (加签) the URL also carries {@code timestamp} (epoch milliseconds, within an hour of
 * DingTalk's clock) and {@code sign} (URL-encoded {@link Signatures#dingTalk}). It answers {@code errcode} 0 when
 * posted, 130101 when over 20 messages a minute (then it refuses for 10 minutes), 310000 for a failed security
 * check (signature, timestamp, keyword or IP), 300001 for an unknown token.
 */
public final class DingTalkRobot implements GroupChat {
    public static final URI DEFAULT_BASE_URL = URI.create("https://oapi.dingtalk.com");
    /** DingTalk publishes no byte limit for robot texts; this keeps the body near Feishu's documented 20 KB. */
    static final int CONTENT_MAX_BYTES = 18_000;

    static final int OK = 0;
    static final int SYSTEM_BUSY = -1;
    static final int SEND_TOO_FAST = 130101;

    private final String name;
    private final String sendUrl;
    private final String secret;
    private final Clock clock;
    private final Style style;
    private final WebhookTransport transport;
    private final Redaction redaction;

    /** @param secret the robot's 加签 secret ({@code SEC…}); null for a robot secured by keyword or IP only */
    public DingTalkRobot(String name, URI baseUrl, String accessToken, String secret, Clock clock, Style style,
            WebhookTransport transport) {
        this.name = name;
        String token = Webhook.requireToken(accessToken, "the DingTalk access token");
        this.secret = Webhook.optionalSecret(secret, "the DingTalk signing secret");
        this.sendUrl = Webhook.base(baseUrl) + "/robot/send?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        this.clock = clock;
        this.style = style;
        this.transport = transport;
        this.redaction = new Redaction(token, this.secret);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vendor() {
        return "dingtalk";
    }

    @Override
    public PostResult post(GroupMessage message) {
        return Webhook.send(transport, uri(), body(message), DingTalkRobot::classify, redaction);
    }

    /** A fresh timestamp and signature for every attempt: a retry must not reuse a stale one. */
    URI uri() {
        if (secret == null) return URI.create(sendUrl);
        long timestamp = clock.millis();
        return URI.create(sendUrl + "&timestamp=" + timestamp
                + "&sign=" + URLEncoder.encode(Signatures.dingTalk(timestamp, secret), StandardCharsets.UTF_8));
    }

    byte[] body(GroupMessage message) {
        if (style == Style.RICH) {
            String title = message.title().isEmpty() ? firstLine(message.text()) : message.title();
            String text = (message.title().isEmpty() ? "" : "#### " + message.title() + "\n\n")
                    + message.text().replace("\n", "\n\n");
            return VendorJson.object(json -> {
                json.writeStringField("msgtype", "markdown");
                json.writeObjectFieldStart("markdown");
                json.writeStringField("title", title);
                json.writeStringField("text", Utf8.truncate(text, CONTENT_MAX_BYTES));
                json.writeEndObject();
            });
        }
        return VendorJson.object(json -> {
            json.writeStringField("msgtype", "text");
            json.writeObjectFieldStart("text");
            json.writeStringField("content", Utf8.truncate(message.plain(), CONTENT_MAX_BYTES));
            json.writeEndObject();
        });
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static PostResult classify(int status, VendorJson.Reply reply, String detail) {
        return switch (reply.code()) {
            case OK -> PostResult.posted();
            case SEND_TOO_FAST -> PostResult.throttled(detail);
            case SYSTEM_BUSY -> PostResult.transientFailure(detail);
            default -> Webhook.otherCode(status, detail);
        };
    }
}
