package huzhu.sms.china.tencent;

import huzhu.sms.china.DeliveryReport;
import huzhu.sms.china.HttpPost;
import huzhu.core.kernel.JsonText;
import huzhu.sms.china.Phones;
import huzhu.sms.china.Uplink;
import huzhu.sms.china.UrlConnectionPost;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pull variant, for accounts without callbacks: {@code PullSmsReplyStatus} and {@code PullSmsSendStatus}
 * (API {@code 2021-01-11}; Tencent has to switch them on for the account). Each call returns what arrived since
 * the last pull, at most {@code limit} (≤ 100) items; the minute sweep calls them until fewer come back.
 * These are our own signed calls, so their answers need no push token.
 */
public final class TencentPull {
    public static final int MAX_LIMIT = 100;

    /** The call failed; nothing was consumed that the next pull would not return (the reason names the code). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String reason) {
            super(reason);
        }
    }

    private final TencentApi api;

    public TencentPull(TencentConfig config) {
        this(config, new UrlConnectionPost(), Clock.systemUTC());
    }

    public TencentPull(TencentConfig config, HttpPost http, Clock clock) {
        this.api = new TencentApi(config, http, clock);
    }

    /** Replies: {@code {"PhoneNumber":"+86…","ReplyContent":"…","ReplyTime":1620734188,"SignName":"…",…}}. */
    public List<Uplink> replies(int limit) {
        List<Uplink> out = new ArrayList<>();
        for (Map<String, Object> item : items("PullSmsReplyStatus", "PullSmsReplyStatusSet", limit)) {
            String from = Phones.e164(JsonText.text(item, "PhoneNumber"), JsonText.text(item, "CountryCode"));
            if (from == null) continue;
            String text = JsonText.text(item, "ReplyContent");
            Instant at = seconds(JsonText.text(item, "ReplyTime"));
            out.add(new Uplink(TencentPushes.replyId(from, at, text), from, text == null ? "" : text, at));
        }
        return out;
    }

    /** Delivery reports: {@code {"SerialNo":"…","PhoneNumber":"+86…","ReportStatus":"SUCCESS","UserReceiveTime":…}}. */
    public List<DeliveryReport> reports(int limit) {
        List<DeliveryReport> out = new ArrayList<>();
        for (Map<String, Object> item : items("PullSmsSendStatus", "PullSmsSendStatusSet", limit)) {
            String serialNo = JsonText.text(item, "SerialNo");
            String to = Phones.e164(JsonText.text(item, "PhoneNumber"), JsonText.text(item, "CountryCode"));
            if (serialNo == null || to == null) continue;
            String status = JsonText.text(item, "ReportStatus");
            String context = JsonText.text(item, "SessionContext");
            out.add(new DeliveryReport(serialNo, to, "SUCCESS".equalsIgnoreCase(status), status,
                    seconds(JsonText.text(item, "UserReceiveTime")), context == null || context.isEmpty() ? null : context));
        }
        return out;
    }

    private List<Map<String, Object>> items(String action, String setName, int limit) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Limit", Math.max(1, Math.min(limit, MAX_LIMIT)));
        payload.put("SmsSdkAppId", api.config().sdkAppId());
        TencentApi.Result result = api.call(action, payload);
        if (result.failure() != null) throw new Unavailable(action + " failed: " + result.failure().reason());
        List<Map<String, Object>> out = new ArrayList<>();
        List<Object> set = JsonText.array(result.response().get(setName));
        if (set == null) return out;
        for (Object o : set) {
            Map<String, Object> item = JsonText.object(o);
            if (item != null) out.add(item);
        }
        return out;
    }

    private static Instant seconds(String text) {
        if (text == null) return null;
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
