package huzhu.sms.china.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.sms.china.DeliveryReport;
import huzhu.sms.china.Uplink;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies in the shape of Tencent Cloud's callback reference (短信回复, 短信下发状态通知). */
class TencentPushesTest {

    @Test
    void uplinks_readsTheReplyCallback_withChineseTextEmojiAndUnixTime() {
        // when
        List<Uplink> uplinks = TencentPushes.uplinks("{\"extend\":\"\",\"mobile\":\"13800138000\",\"nationcode\":\"86\","
                + "\"sign\":\"互助应急\",\"text\":\"到达 👍\",\"time\":1764664205}");

        // then
        assertThat(uplinks).singleElement().satisfies(u -> {
            assertThat(u.from()).isEqualTo("+8613800138000");
            assertThat(u.body()).isEqualTo("到达 👍");
            assertThat(u.at()).isEqualTo(Instant.ofEpochSecond(1764664205));
            assertThat(u.providerMessageId()).startsWith("tc-reply-").hasSize(41);
        });
    }

    @Test
    void uplinks_giveTheSameReplyTheSameId_andADifferentReplyAnother() {
        // given
        String reply = "{\"mobile\":\"13800138000\",\"nationcode\":\"86\",\"sign\":\"互助\",\"text\":\"1\",\"time\":1764664205}";
        String other = "{\"mobile\":\"13800138000\",\"nationcode\":\"86\",\"sign\":\"互助\",\"text\":\"0\",\"time\":1764664205}";

        // when
        String first = TencentPushes.uplinks(reply).get(0).providerMessageId();
        String again = TencentPushes.uplinks(reply).get(0).providerMessageId();

        // then
        assertThat(again).isEqualTo(first);
        assertThat(TencentPushes.uplinks(other).get(0).providerMessageId()).isNotEqualTo(first);
    }

    @Test
    void reports_readsTheStatusCallbackArray_inBeijingTime() {
        // given
        String body = """
                [
                  {"user_receive_time":"2026-12-02 16:30:04","nationcode":"86","mobile":"13800138000",
                   "report_status":"SUCCESS","errmsg":"DELIVRD","description":"用户短信送达成功",
                   "sid":"5000:1045710669157053657849499619"},
                  {"user_receive_time":"2026-12-02 16:31:00","nationcode":"86","mobile":"13900139000",
                   "report_status":"FAIL","errmsg":"MK:0001","description":"空号","sid":"5000:2"}
                ]""";

        // when
        List<DeliveryReport> reports = TencentPushes.reports(body);

        // then
        assertThat(reports).containsExactly(
                new DeliveryReport("5000:1045710669157053657849499619", "+8613800138000", true, "DELIVRD",
                        Instant.parse("2026-12-02T08:30:04Z"), null),
                new DeliveryReport("5000:2", "+8613900139000", false, "MK:0001", Instant.parse("2026-12-02T08:31:00Z"),
                        null));
    }

    @Test
    void parsers_refuseBodiesThatAreNotTencentsFormat() {
        for (String bad : List.of("", "{", "[\"x\"]", "{\"text\":\"1\",\"time\":1}", "{\"mobile\":\"138\",\"text\":\"1\"}")) {
            assertThatThrownBy(() -> TencentPushes.uplinks(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> TencentPushes.reports("[{\"mobile\":\"13800138000\",\"report_status\":\"SUCCESS\"}]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ack_isWhatTencentWaitsFor() {
        assertThat(TencentPushes.ACK).isEqualTo("{\"result\":0,\"errmsg\":\"OK\"}");
    }
}
