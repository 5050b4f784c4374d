package huzhu.sms.china;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.error.DependencyFailure;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsProvider;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.Intercepted;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.sms.china.tencent.TencentConfig;
import huzhu.sms.china.tencent.TencentPull;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pulled replies and reports reach the same services as pushed ones (Tencent accounts without callbacks). */
class ProviderInboxTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, new RecordingMessenger(), EscalationTimer.NONE, clock,
            new SequentialIds(3), new ServiceConfig("https://huzhu.example", null));
    private final ProviderInbox inbox = new ProviderInbox(SmsProvider.TENCENT, services.inboundSms(),
            services.dispatcher());
    private final List<String> actions = new ArrayList<>();
    private final List<Duration> slept = new ArrayList<>();
    private Incident incident;

    @BeforeEach
    void twoVolunteersWereAlerted() {
        store.directory().members().insert(Fixtures.member("m-1").phone(phone(1)).home("唐山市", "路北区")
                .family("王德福", "父亲", phone(2)).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(phone(11)).area("唐山市", "路北区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").phone(phone(12)).area("唐山市", "路北区").build());
        incident = services.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "摔倒了", null,
                new Reporter(phone(2), "王德福", Channel.SMS, true), Language.ZH_CN));
    }

    @Test
    void aPulledReplyAndReport_actLikePushedOnes() {
        // given: Tencent has one reply ("1" from v-1) and one report (v-2's alert delivered)
        String serial = store.incidents().get(incident.id()).orElseThrow().alertFor("v-2").orElseThrow().messageId();
        TencentPull pull = pull(Map.of(
                "PullSmsReplyStatus", "{\"Response\":{\"PullSmsReplyStatusSet\":[{\"CountryCode\":\"86\",\"PhoneNumber\":"
                        + "\"" + phone(11) + "\",\"ReplyContent\":\"1\",\"ReplyTime\":" + (clock.instant().getEpochSecond() - 5)
                        + "}],\"RequestId\":\"r1\"}}",
                "PullSmsSendStatus", "{\"Response\":{\"PullSmsSendStatusSet\":[{\"SerialNo\":\"" + serial + "\","
                        + "\"PhoneNumber\":\"" + phone(12) + "\",\"CountryCode\":\"86\",\"ReportStatus\":\"SUCCESS\","
                        + "\"UserReceiveTime\":" + clock.instant().getEpochSecond() + "}],\"RequestId\":\"r2\"}}"));

        // when
        ProviderInbox.Pulled pulled = inbox.pull(pull);

        // then
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(pulled).isEqualTo(new ProviderInbox.Pulled(1, 1));
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.ACCEPTED);
        assertThat(actions).containsExactly("PullSmsReplyStatus", "PullSmsSendStatus");
    }

    @Test
    void anEmptyPull_asksOncePerKind_andChangesNothing() {
        // when
        ProviderInbox.Pulled pulled = inbox.pull(pull(Map.of(
                "PullSmsReplyStatus", "{\"Response\":{\"PullSmsReplyStatusSet\":[],\"RequestId\":\"r1\"}}",
                "PullSmsSendStatus", "{\"Response\":{\"PullSmsSendStatusSet\":[],\"RequestId\":\"r2\"}}")));

        // then
        assertThat(pulled).isEqualTo(new ProviderInbox.Pulled(0, 0));
        assertThat(store.incidents().get(incident.id())).contains(incident);
        assertThat(actions).hasSize(2);
    }

    @Test
    void aPulledReplyWhoseHandlingFailsOnce_isHandledAgainAtOnce_andTheRestOfThePageToo() {
        // given: Tencent hands over (and forgets) two replies; the store fails the first one's first read
        ProviderInbox retrying = inboxWhoseStoreFailsRecall(1);
        long at = clock.instant().getEpochSecond() - 5;

        // when
        ProviderInbox.Pulled pulled = retrying.pull(pull(Map.of(
                "PullSmsReplyStatus", "{\"Response\":{\"PullSmsReplyStatusSet\":[" + reply(phone(11), "1", at) + ","
                        + reply(phone(12), "2", at) + "],\"RequestId\":\"r1\"}}",
                "PullSmsSendStatus", "{\"Response\":{\"PullSmsSendStatusSet\":[],\"RequestId\":\"r2\"}}")));

        // then: both answers count — v-1 took it, v-2 declined — after one short wait
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(pulled).isEqualTo(new ProviderInbox.Pulled(2, 0));
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.ACCEPTED);
        assertThat(now.alertFor("v-2").orElseThrow().status()).isNotIn(AlertStatus.SENT, AlertStatus.DELIVERED);
        assertThat(slept).hasSize(1);
    }

    @Test
    void aPulledReplyThatCannotBeHandled_doesNotHoldUpTheRestOfThePage_andTheSweepFailsLoudly() {
        // given: the first reply's handling fails at every attempt (each begins with the redelivery check)
        ProviderInbox retrying = inboxWhoseStoreFailsRecall(Backoff.DEFAULT.maxAttempts());
        long at = clock.instant().getEpochSecond() - 5;
        TencentPull pull = pull(Map.of(
                "PullSmsReplyStatus", "{\"Response\":{\"PullSmsReplyStatusSet\":[" + reply(phone(12), "2", at)
                        + "," + reply(phone(11), "1", at) + "],\"RequestId\":\"r1\"}}",
                "PullSmsSendStatus", "{\"Response\":{\"PullSmsSendStatusSet\":[],\"RequestId\":\"r2\"}}"));

        // when / then: the sweep fails (so its error is counted and alarmed on), after the second reply took effect
        assertThatThrownBy(() -> retrying.pull(pull)).isInstanceOf(DependencyFailure.class)
                .hasMessageContaining("1 pulled reply");
        assertThat(store.incidents().get(incident.id()).orElseThrow().alertFor("v-1").orElseThrow().status())
                .isEqualTo(AlertStatus.ACCEPTED);
        assertThat(slept).hasSize(Backoff.DEFAULT.maxAttempts() - 1);
        assertThat(actions).containsExactly("PullSmsReplyStatus", "PullSmsSendStatus");
    }

    /** An inbox over the same data, whose store fails the next {@code times} recalls (a redelivery check). */
    private ProviderInbox inboxWhoseStoreFailsRecall(int times) {
        int[] failuresLeft = {times};
        Services failing = Services.create(Intercepted.store(store, (method, args, real) -> {
            if (failuresLeft[0] > 0 && method.getName().equals("recall")) {
                failuresLeft[0]--;
                throw new DependencyFailure("DynamoDB unavailable (test)", null);
            }
            return real.run();
        }), new RecordingMessenger(), EscalationTimer.NONE, clock, new SequentialIds(5),
                new ServiceConfig("https://huzhu.example", null));
        return new ProviderInbox(SmsProvider.TENCENT, failing.inboundSms(), failing.dispatcher(), Backoff.DEFAULT,
                d -> slept.add(d));
    }

    private static String reply(String from, String text, long at) {
        return "{\"CountryCode\":\"86\",\"PhoneNumber\":\"" + from + "\",\"ReplyContent\":\"" + text
                + "\",\"ReplyTime\":" + at + "}";
    }

    /** A Tencent stand-in in process: answers each action with the given body. */
    private TencentPull pull(Map<String, String> answers) {
        TencentConfig config = new TencentConfig("AKIDtest", "key", "1400000000", "互助", null, URI.create("http://tencent.test/"));
        return new TencentPull(config, (uri, headers, body) -> {
            String action = headers.get("X-TC-Action");
            actions.add(action);
            assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"Limit\":100");
            return new HttpPost.Reply(200, answers.get(action));
        }, clock);
    }
}
