package huzhu.sms.china.aliyun;

import huzhu.sms.china.ChinaTime;
import huzhu.sms.china.DeliveryReport;
import huzhu.core.kernel.JsonText;
import huzhu.sms.china.PushItems;
import huzhu.sms.china.Uplink;
import java.time.Instant;
import java.util.List;

/**
 * Alibaba Cloud's "HTTP 批量推送" messages: {@code SmsUp} (replies, 上行短信) and {@code SmsReport} (delivery
 * reports, 状态报告), each a JSON array posted to the URL configured in the SMS console (回执消息配置). The same
 * objects, one per message, arrive from the MNS queue variant. The console expects {@link #ACK} with HTTP 200;
 * anything else is pushed again after 1, 5 and 10 minutes.
 */
public final class AliyunPushes {
    /** The answer Alibaba waits for ("系统仅校验返回值的code是否为数字"). */
    public static final String ACK = "{\"code\":0,\"msg\":\"接收成功\"}";

    private AliyunPushes() {
    }

    /**
     * {@code [{"phone_number":"1381111****","content":"…","send_time":"2017-09-01 00:00:00","dest_code":"1234",
     * "sequence_id":1234567890}]}; {@code sequence_id} comes as a number or a string depending on the channel.
     *
     * @throws IllegalArgumentException when the body is not that
     */
    public static List<Uplink> uplinks(String body) {
        return PushItems.map(body, item -> {
            String from = PushItems.phone(item, "phone_number", null);
            String content = JsonText.text(item, "content");
            return new Uplink(PushItems.required(item, "sequence_id"), from, content == null ? "" : content,
                    ChinaTime.parse(JsonText.text(item, "send_time")));
        });
    }

    /**
     * {@code [{"phone_number":"1381111****","send_time":"…","report_time":"…","success":true,"err_code":"DELIVERED",
     * "err_msg":"用户接收成功","sms_size":"1","biz_id":"12345","out_id":"67890"}]}.
     *
     * @throws IllegalArgumentException when the body is not that
     */
    public static List<DeliveryReport> reports(String body) {
        return PushItems.map(body, item -> {
            String to = PushItems.phone(item, "phone_number", null);
            String success = PushItems.required(item, "success");
            Instant at = ChinaTime.parse(JsonText.text(item, "report_time"));
            if (at == null) at = ChinaTime.parse(JsonText.text(item, "send_time"));
            return new DeliveryReport(PushItems.required(item, "biz_id"), to, Boolean.parseBoolean(success),
                    JsonText.text(item, "err_code"), at, JsonText.text(item, "out_id"));
        });
    }
}
