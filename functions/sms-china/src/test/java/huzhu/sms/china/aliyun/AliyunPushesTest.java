package huzhu.sms.china.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.sms.china.DeliveryReport;
import huzhu.sms.china.Uplink;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies in the shape of Alibaba Cloud's "HTTP 批量推送" reference (SmsUp, SmsReport) and its MNS variant. */
class AliyunPushesTest {

    @Test
    void uplinks_readsABatchOfReplies_withChineseTextEmojiAndBeijingTime() {
        // given: two replies in one push, sequence_id as a number and as a string (both appear in the docs)
        String body = """
                [
                  {"phone_number":"13800138000","content":"接 K7 🚑","send_time":"2026-12-02 16:30:05",
                   "dest_code":"1234","sequence_id":1234567890,"sign_name":"互助应急"},
                  {"phone_number":"13900139000","content":"\\u6536\\u5230","send_time":"2026-12-02 16:31:00",
                   "dest_code":"1234","sequence_id":"1234567891"}
                ]""";

        // when
        List<Uplink> uplinks = AliyunPushes.uplinks(body);

        // then
        assertThat(uplinks).containsExactly(
                new Uplink("1234567890", "+8613800138000", "接 K7 🚑", Instant.parse("2026-12-02T08:30:05Z")),
                new Uplink("1234567891", "+8613900139000", "收到", Instant.parse("2026-12-02T08:31:00Z")));
    }

    @Test
    void uplinks_readsTheSingleObjectOfAnMnsQueueMessage() {
        // when
        List<Uplink> uplinks = AliyunPushes.uplinks("{\"dest_code\":\"123456\",\"send_time\":\"2021-09-06 15:53:20\","
                + "\"sequence_id\":123456,\"phone_number\":\"15900000532\",\"content\":\"1\"}");

        // then
        assertThat(uplinks).containsExactly(
                new Uplink("123456", "+8615900000532", "1", Instant.parse("2021-09-06T07:53:20Z")));
    }

    @Test
    void reports_readsDeliveredAndFailedReports_withTheirBizIdAndOutId() {
        // given
        String body = """
                [
                  {"phone_number":"13800138000","send_time":"2026-12-02 16:30:00","report_time":"2026-12-02 16:30:04",
                   "success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1",
                   "biz_id":"900619746936498440^0","out_id":"alert-42"},
                  {"phone_number":"13900139000","send_time":"2026-12-02 16:30:00","report_time":"2026-12-02 16:32:00",
                   "success":false,"err_code":"MK:0001","err_msg":"空号","sms_size":"2","biz_id":"900619746936498441^0"}
                ]""";

        // when
        List<DeliveryReport> reports = AliyunPushes.reports(body);

        // then
        assertThat(reports).containsExactly(
                new DeliveryReport("900619746936498440^0", "+8613800138000", true, "DELIVERED",
                        Instant.parse("2026-12-02T08:30:04Z"), "alert-42"),
                new DeliveryReport("900619746936498441^0", "+8613900139000", false, "MK:0001",
                        Instant.parse("2026-12-02T08:32:00Z"), null));
    }

    @Test
    void parsers_refuseBodiesThatAreNotAlibabasFormat() {
        for (String bad : List.of("", "not json", "[1,2]", "[{\"content\":\"1\",\"sequence_id\":1}]",
                "[{\"phone_number\":\"13800138000\",\"content\":\"1\"}]", "\"text\"")) {
            assertThatThrownBy(() -> AliyunPushes.uplinks(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> AliyunPushes.reports("[{\"phone_number\":\"13800138000\",\"success\":true}]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ack_isWhatTheConsoleWaitsFor() {
        assertThat(AliyunPushes.ACK).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");
    }
}
