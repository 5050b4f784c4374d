package huzhu.robots;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A deployment's robots from one JSON document, kept as a Secrets Manager secret because the keys, tokens and
 * secrets in it are credentials:
 * <pre>{"robots": [
 *   {"name": "union-work-group", "vendor": "wecom", "webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
 *    "takes": ["notices", "incident-news"]},
 *   {"name": "leaders", "vendor": "dingtalk", "accessToken": "…", "secret": "SEC…", "takes": ["leader-summaries"]},
 *   {"name": "officers", "vendor": "feishu", "hook": "…", "secret": "…", "style": "rich"}]}</pre>
 * Per robot: {@code vendor} ({@code wecom}, {@code dingtalk}, {@code feishu}, {@code lark}); either
 * {@code webhook} (the address as the app shows it) or the credential alone ({@code key}, {@code accessToken},
 * {@code hook}) with an optional {@code baseUrl} (a stand-in's); {@code secret} for DingTalk 加签 and Feishu/Lark
 * 签名校验; {@code takes} (default notices and incident news); {@code style} ({@code text} by default, or
 * {@code rich}). An error names the robot and the setting, never a value.
 */
public final class RobotSettings {
    private static final Set<String> FIELDS =
            Set.of("name", "vendor", "webhook", "key", "accessToken", "hook", "baseUrl", "secret", "takes", "style");
    private static final Set<GroupKind> DEFAULT_TAKES = EnumSet.of(GroupKind.NOTICE, GroupKind.INCIDENT_NEWS);

    private RobotSettings() {
    }

    /** The robots of {@code json}, posting through the JDK's URL connection with the default retry and log. */
    public static GroupRobots parse(String json, Clock clock) {
        return parse(json, clock, UrlConnectionTransport.DEFAULT, Retry.DEFAULT, RobotLog.STDOUT);
    }

    public static GroupRobots parse(String json, Clock clock, WebhookTransport transport, Retry retry,
            Consumer<String> logSink) {
        List<GroupRobots.Robot> robots = new ArrayList<>();
        for (Map<String, Object> fields : read(json)) {
            robots.add(robot(robots.size() + 1, fields, clock, transport));
        }
        return new GroupRobots(robots, retry, clock, logSink);
    }

    private static GroupRobots.Robot robot(int index, Map<String, Object> fields, Clock clock,
            WebhookTransport transport) {
        String name = string(fields, "name");
        String where = "robot " + index + (name == null ? "" : " (" + name + ")");
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(where + ": name must be 1 to 64 letters, digits, '.', '-' or '_'");
        }
        String vendor = string(fields, "vendor");
        vendor = vendor == null ? "" : vendor.toLowerCase(Locale.ROOT);
        Style style = style(where, string(fields, "style"));
        Set<GroupKind> takes = takes(where, fields.get("takes"));
        String webhook = string(fields, "webhook");
        String secret = string(fields, "secret");
        try {
            GroupChat chat = switch (vendor) {
                case "wecom" -> {
                    Credential c = credential(where, webhook, fields, "key", WeComRobot.DEFAULT_BASE_URL,
                            uri -> queryParameter(uri, "key"));
                    yield new WeComRobot(name, c.baseUrl(), c.value(), style, transport);
                }
                case "dingtalk" -> {
                    Credential c = credential(where, webhook, fields, "accessToken", DingTalkRobot.DEFAULT_BASE_URL,
                            uri -> queryParameter(uri, "access_token"));
                    yield new DingTalkRobot(name, c.baseUrl(), c.value(), secret, clock, style, transport);
                }
                case "feishu", "lark" -> {
                    URI base = vendor.equals("lark") ? FeishuRobot.LARK_BASE_URL : FeishuRobot.FEISHU_BASE_URL;
                    Credential c = credential(where, webhook, fields, "hook", base, RobotSettings::lastPathSegment);
                    yield new FeishuRobot(name, vendor, c.baseUrl(), c.value(), secret, clock, style, transport);
                }
                default -> throw new IllegalArgumentException("vendor must be wecom, dingtalk, feishu or lark");
            };
            return new GroupRobots.Robot(chat, takes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private record Credential(URI baseUrl, String value) {
    }

    @FunctionalInterface
    private interface FromWebhook {
        String credential(URI webhook);
    }

    private static Credential credential(String where, String webhook, Map<String, Object> fields, String field,
            URI defaultBase, FromWebhook fromWebhook) {
        String value = string(fields, field);
        String baseUrl = string(fields, "baseUrl");
        if (webhook != null) {
            if (value != null || baseUrl != null) {
                throw new IllegalArgumentException("give either webhook or " + field + " (and baseUrl), not both");
            }
            URI uri;
            try {
                uri = URI.create(webhook.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook is not a URL");
            }
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("webhook is not a URL");
            }
            return new Credential(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()),
                    fromWebhook.credential(uri));
        }
        if (value == null) throw new IllegalArgumentException("webhook or " + field + " is required");
        return new Credential(baseUrl == null ? defaultBase : URI.create(baseUrl), value);
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String lastPathSegment(URI uri) {
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/open-apis/bot/v2/hook/")) return null;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Style style(String where, String style) {
        if (style == null) return Style.TEXT;
        return switch (style.toLowerCase(Locale.ROOT)) {
            case "text" -> Style.TEXT;
            case "rich" -> Style.RICH;
            default -> throw new IllegalArgumentException(where + ": style must be text or rich");
        };
    }

    private static Set<GroupKind> takes(String where, Object takes) {
        if (takes == null) return DEFAULT_TAKES;
        if (!(takes instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": takes must be a list of notices, incident-news, leader-summaries");
        }
        Set<GroupKind> kinds = EnumSet.noneOf(GroupKind.class);
        for (Object kind : list) {
            try {
                kinds.add(GroupKind.fromWire(String.valueOf(kind)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": takes must be a list of notices, incident-news, leader-summaries");
            }
        }
        return kinds;
    }

    /** The setting, or null when it is absent; a blank one is kept, for its own check to refuse. */
    private static String string(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    /** {"robots": [ {…}, … ]}: string fields, and the one list of strings ({@code takes}). */
    private static List<Map<String, Object>> read(String json) {
        if (json == null || json.isBlank()) throw new IllegalArgumentException("the robots' settings are empty");
        List<Map<String, Object>> robots = new ArrayList<>();
        try (JsonParser p = VendorJson.FACTORY.createParser(json)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "the settings must be a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("robots")) {
                    p.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, "robots must be a list");
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    robots.add(readRobot(p, robots.size() + 1));
                }
            }
        } catch (IOException e) {
            // the parser's message may quote the document, and the document holds credentials
            throw new IllegalArgumentException("the robots' settings are not valid JSON");
        }
        return robots;
    }

    private static Map<String, Object> readRobot(JsonParser p, int index) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            expect(FIELDS.contains(field), "robot " + index + ": unknown setting " + field);
            if (field.equals("takes") && value == JsonToken.START_ARRAY) {
                List<String> kinds = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    expect(p.currentToken() == JsonToken.VALUE_STRING, "robot " + index + ": takes must list strings");
                    kinds.add(p.getText());
                }
                fields.put(field, kinds);
            } else {
                expect(value == JsonToken.VALUE_STRING, "robot " + index + ": " + field + " must be a string");
                fields.put(field, p.getText());
            }
        }
        return fields;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) throw new IllegalArgumentException(message);
    }
}
