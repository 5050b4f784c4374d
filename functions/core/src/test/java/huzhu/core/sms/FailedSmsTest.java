package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import huzhu.core.testing.Stdout;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An SMS that did not go out leaves one masked log line and stops nothing. */
class FailedSmsTest {
    private static final RenderedSms TEXT = new SmsComposer("互助").render(Language.ZH_CN, "duty.handover",
            Map.of("name", "张三", "next", "李四"));

    @Test
    void aFailure_isLoggedWithItsIncident_maskedNumberAndReason_andReturned() {
        // given
        Messenger down = sms -> SendResult.failed("network", false);
        OutboundSms sms = new OutboundSms("+8613800138000", TEXT, "inc-1");

        // when
        SendResult[] result = new SendResult[1];
        String log = Stdout.captured(() -> result[0] = FailedSms.send(down, sms));

        // then
        assertThat(result[0].ok()).isFalse();
        assertThat(log).contains("\"level\":\"WARN\"", "\"message\":\"sms.failed\"", "\"incidentId\":\"inc-1\"",
                "\"reason\":\"network\"").doesNotContain("13800138000");
    }

    @Test
    void aFailure_withoutAnIncident_namesNone() {
        // given
        OutboundSms sms = new OutboundSms("+8613800138000", TEXT, null);

        // when
        String log = Stdout.captured(() -> FailedSms.logged(sms, SendResult.failed("invalid-number", true)));

        // then
        assertThat(log).contains("\"message\":\"sms.failed\"").doesNotContain("incidentId");
    }

    @Test
    void aSentSms_logsNothing() {
        // given
        Messenger up = sms -> SendResult.sent("m-1");

        // when
        String log = Stdout.captured(() -> FailedSms.send(up, new OutboundSms("+8613800138000", TEXT, "inc-1")));

        // then
        assertThat(log).isEmpty();
    }
}
