package huzhu.sms.china.tencent;

import huzhu.sms.china.ChinaTime;
import huzhu.sms.china.DeliveryReport;
import huzhu.sms.china.Hashing;
import huzhu.core.kernel.JsonText;
import huzhu.sms.china.PushItems;
import huzhu.sms.china.Uplink;
import java.time.Instant;
import java.util.List;

/**
 * Tencent Cloud SMS callbacks (事件回调配置 in the SMS console): the reply callback (短信回复, one object per
 * reply) and the status callback (短信下发状态通知, an array). Tencent waits for {@link #ACK}.
 */
public final class TencentPushes {
    /** The answer Tencent waits for. */
    public static final String ACK = "{\"result\":0,\"errmsg\":\"OK\"}";

    private TencentPushes() {
    }

    /**
     * {@code {"extend":"","mobile":"13xxxxxxxxx","nationcode":"86","sign":"…","text":"…","time":1457336869}}
     * (also accepted as an array of such objects).
     *
     * @throws IllegalArgumentException when the body is not that
     */
    public static List<Uplink> uplinks(String body) {
        return PushItems.map(body, item -> {
            String from = PushItems.phone(item, "mobile", JsonText.text(item, "nationcode"));
            String text = JsonText.text(item, "text");
            Instant at = ChinaTime.parse(PushItems.required(item, "time"));
            return new Uplink(replyId(from, at, text), from, text == null ? "" : text, at);
        });
    }

    /**
     * {@code [{"user_receive_time":"2015-10-17 08:03:04","nationcode":"86","mobile":"13xxxxxxxxx",
     * "report_status":"SUCCESS","errmsg":"DELIVRD","description":"用户短信送达成功","sid":"xxxxxxx"}]}.
     *
     * @throws IllegalArgumentException when the body is not that
     */
    public static List<DeliveryReport> reports(String body) {
        return PushItems.map(body, item -> {
            String to = PushItems.phone(item, "mobile", JsonText.text(item, "nationcode"));
            String status = PushItems.required(item, "report_status");
            return new DeliveryReport(PushItems.required(item, "sid"), to, "SUCCESS".equalsIgnoreCase(status),
                    JsonText.text(item, "errmsg"), ChinaTime.parse(JsonText.text(item, "user_receive_time")),
                    JsonText.text(item, "session_context"));
        });
    }

    /**
     * Tencent gives a reply no id; this digest of sender, time and text stands in, the same for a reply pushed
     * twice and for the same reply pulled with {@code PullSmsReplyStatus}.
     */
    static String replyId(String from, Instant at, String text) {
        String seconds = at == null ? "" : Long.toString(at.getEpochSecond());
        return "tc-reply-" + Hashing.sha256Hex(from + "\n" + seconds + "\n" + (text == null ? "" : text))
                .substring(0, 32);
    }
}
