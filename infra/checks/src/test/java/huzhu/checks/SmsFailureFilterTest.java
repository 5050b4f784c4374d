package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.aws.sns.SmsConfig;
import huzhu.aws.sns.SnsMessenger;
import huzhu.core.kernel.Backoff;
import huzhu.core.sms.OutboundSms;
import huzhu.core.testing.TestSms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * The metric filters behind SmsFailuresAlarm match the very line SnsMessenger writes when a send fails,
 * and not the one it writes when a send succeeds ({@link LogFilters} reads the filters).
 */
class SmsFailureFilterTest {

    @Test
    void smsFailureFilter_matchesAFailedSendLine_andNotASentOne() throws Exception {
        // given: SnsMessenger over an SNS that answers, writing its lines here
        List<String> lines = new ArrayList<>();
        SnsMessenger messenger = new SnsMessenger(new AnsweringSns(), SmsConfig.DEFAULTS, Backoff.NONE,
                d -> { }, () -> 0.5, lines::add);

        // when: one send that SNS accepts, one it never gets (not an E.164 number)
        messenger.send(new OutboundSms("+8613900000021", TestSms.saying("测试"), "i1"));
        messenger.send(new OutboundSms("not-a-number", TestSms.saying("测试"), "i1"));

        // then
        assertThat(lines).hasSize(2);
        for (String filter : smsFailureFilters()) {
            assertThat(matches(filter, lines.get(0))).as("%s on %s", filter, lines.get(0)).isFalse();
            assertThat(matches(filter, lines.get(1))).as("%s on %s", filter, lines.get(1)).isTrue();
        }
    }

    private static List<String> smsFailureFilters() {
        return LogFilters.feeding("SmsFailuresAlarm");
    }

    private static boolean matches(String filter, String line) throws Exception {
        return LogFilters.matches(filter, line);
    }

    /** An SNS that accepts every publish. */
    private static final class AnsweringSns implements SnsClient {
        @Override
        public PublishResponse publish(PublishRequest request) {
            return PublishResponse.builder().messageId("m-1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }
}
