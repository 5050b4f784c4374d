package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** +86 through the domestic provider, every other number through SNS, a mixed batch in its own order. */
class MainlandRoutingTest {
    private static final RenderedSms SMS = new SmsComposer(null).render(Language.ZH_CN, "standDown", Map.of("code", "K27"));

    /** Answers with its name and a count, and remembers who it was asked to send to. */
    static final class Named implements Messenger {
        final String name;
        final List<String> to = new ArrayList<>();

        Named(String name) {
            this.name = name;
        }

        @Override
        public synchronized SendResult send(OutboundSms sms) {
            to.add(sms.to());
            return SendResult.sent(name + "-" + to.size());
        }
    }

    private final Named domestic = new Named("aliyun");
    private final Named sns = new Named("sns");
    private final MainlandRouting routing = new MainlandRouting(domestic, sns);

    @Test
    void aMainlandNumber_goesThroughTheDomesticProvider_andAnyOtherThroughSns() {
        // when
        SendResult mainland = routing.send(new OutboundSms("+8613800138000", SMS, null));
        SendResult hongKong = routing.send(new OutboundSms("+85291234567", SMS, null));

        // then
        assertThat(mainland.messageId()).isEqualTo("aliyun-1");
        assertThat(hongKong.messageId()).isEqualTo("sns-1");
    }

    @Test
    void aMixedBatch_goesOutOnBoth_withResultsInTheBatchsOrder() {
        // when
        List<SendResult> results = routing.sendAll(List.of(new OutboundSms("+8613800138001", SMS, null),
                new OutboundSms("+447700900123", SMS, null), new OutboundSms("+8613800138002", SMS, null)));

        // then
        assertThat(results).extracting(SendResult::messageId).containsExactly("aliyun-1", "sns-1", "aliyun-2");
        assertThat(domestic.to).containsExactly("+8613800138001", "+8613800138002");
        assertThat(sns.to).containsExactly("+447700900123");
    }
}
