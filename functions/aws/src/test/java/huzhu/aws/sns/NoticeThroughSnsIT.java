package huzhu.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.aws.sns.SnsWire.Attribute;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.CampaignService;
import huzhu.core.care.CareConfig;
import huzhu.core.care.DeliveryStatus;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeDrafts;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.care.NoticeStatus;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.SendWiring;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A notice to 300 members through the production SNS adapters, with WireMock standing in for SNS. The
 * pace comes from an injected clock and sleeper: sending takes half a minute on that clock and no real waiting.
 */
class NoticeThroughSnsIT {
    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOPIC = "arn:aws:sns:ap-east-1:123456789012:huzhu-notices";
    private static final int MEMBERS = 300;
    private static final int PER_SECOND = 10;

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atT0();
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void aNoticeTo300Members_completes_keepsToTheRate_andRecordsEveryDelivery() {
        // given 300 members, SNS answering every Publish, one number SNS refuses
        for (int i = 0; i < MEMBERS; i++) {
            store.directory().members().insert(Fixtures.member(String.format("m-%03d", i)).name("会员" + i)
                    .phone(String.format("+86139%08d", i)).build());
        }
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.publishResponse("6b2a9f5e-0000-4000-8000-000000000001"))));
        sns.stubFor(post(urlEqualTo("/")).withFormParam("PhoneNumber", equalTo("+8613900000007")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.errorResponse("Sender", "InvalidParameter", "Invalid parameter: PhoneNumber"))));
        Services services = services();
        Actor officer = new Actor("sub-1", "周干事");
        String id = services.notices().create(new NoticeInput("夏季安全提醒", "高温天气请注意防暑，外出带水。",
                new AudienceInput("all-members", null), null), officer).notice().id();

        // when the officer sends it and the periodic sender runs
        Instant start = clock.instant();
        services.notices().sendNow(id, officer);
        CampaignService.Run run = services.campaigns().runDue();

        // then it completed in one run: 299 sent, the refused one failed with SNS's reason
        assertThat(run.finished()).isTrue();
        NoticeDrafts.NoticeView view = services.notices().get(id);
        assertThat(view.notice().status()).isEqualTo(NoticeStatus.SENT);
        assertThat(view.progress()).isEqualTo(new NoticeDrafts.Progress(MEMBERS, 0, 0, MEMBERS - 1, 1));
        List<NoticeDelivery> deliveries = services.notices().deliveries(id);
        assertThat(deliveries).hasSize(MEMBERS).allSatisfy(d -> {
            assertThat(d.sentAt()).isNotNull();
            if (d.status() == DeliveryStatus.SENT) {
                assertThat(d.messageId()).isEqualTo("6b2a9f5e-0000-4000-8000-000000000001");
            } else {
                assertThat(d.phone()).isEqualTo("+8613900000007");
                assertThat(d.failureReason()).contains("InvalidParameter");
            }
        });

        // and SNS got one Publish per member, each once, as a Transactional SMS
        List<Map<String, String>> publishes = sns.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(r -> SnsWire.form(r.getBodyAsString())).toList();
        List<String> phones = publishes.stream().filter(f -> f.containsKey("PhoneNumber"))
                .map(f -> f.get("PhoneNumber")).toList();
        assertThat(phones).hasSize(MEMBERS).doesNotHaveDuplicates();
        assertThat(publishes.stream().filter(f -> f.containsKey("PhoneNumber")).findFirst().orElseThrow())
                .containsEntry("Message", "【互助】夏季安全提醒：高温天气请注意防暑，外出带水。（回复本短信可留言）");

        // and the pace: never more than ten in any second, thirty seconds for three hundred
        Map<Long, Integer> perSecond = new TreeMap<>();
        for (NoticeDelivery d : deliveries) {
            perSecond.merge(Duration.between(start, d.sentAt()).toSeconds(), 1, Integer::sum);
        }
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(PER_SECOND));
        assertThat(perSecond).hasSize(MEMBERS / PER_SECOND);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(29));

        // and the notices topic got it once, with the audience to filter on
        List<Map<String, String>> topic = publishes.stream().filter(f -> TOPIC.equals(f.get("TopicArn"))).toList();
        assertThat(topic).singleElement().satisfies(f -> {
            assertThat(f.get("Message")).startsWith("夏季安全提醒\n\n高温天气").contains("/v1/notices/" + id + "/page");
            assertThat(SnsWire.messageAttributes(f)).containsEntry("audience", new Attribute("String", "all-members"))
                    .containsEntry("noticeId", new Attribute("String", id));
        });
    }

    private Services services() {
        SendWiring quiet = new SendWiring(Backoff.DEFAULT, d -> { }, () -> 0.5, line -> { });
        SnsMessenger messenger = new SnsMessenger(SnsWire.client(sns.baseUrl()), SmsConfig.DEFAULTS, quiet);
        NoticeTopicPublisher topic = new NoticeTopicPublisher(SnsWire.client(sns.baseUrl()), TOPIC, quiet);
        CareConfig care = new CareConfig(null, PER_SECOND, Duration.ofDays(7), false, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        return Services.create(store, messenger, LeaderAnnouncements.NONE, EscalationTimer.NONE, clock,
                new SequentialIds(3), new ServiceConfig("https://sos.example.org", null), new Services.Care(care, topic,
                        d -> {
                            waits.add(d);
                            clock.advance(d);
                        }));
    }
}
