package huzhu.sms;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import huzhu.core.ServiceConfig;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.Services;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsProvider;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingGroup;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Edge;
import huzhu.sms.china.DomesticSms;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The domestic providers' pushes, fed the events API Gateway hands the function: replies answer alerts like SNS
 * replies do, reports mark alerts delivered or failed; forged, replayed and malformed pushes change nothing.
 */
class ProviderPushHandlerTest {
    static final String TOKEN = "pushtoken-0123456789abcdefghijklmnopqrstuv";
    private static final String SECRET = "{\"accessKeyId\":\"LTAI\",\"accessKeySecret\":\"s\",\"secretId\":\"AKID\","
            + "\"secretKey\":\"k\",\"sdkAppId\":\"1400000000\",\"pushTokens\":[\"" + TOKEN + "\"]}";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(3),
            new ServiceConfig("https://huzhu.example", null));
    private Incident incident;

    @BeforeEach
    void aFamilyAskedForHelp_andTwoVolunteersWereAlerted() {
        store.directory().members().insert(Fixtures.member("m-1").phone(phone(1)).home("唐山市", "路北区")
                .family("王德福", "父亲", phone(2)).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("李娜").phone(phone(11)).area("唐山市", "路北区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").name("张伟").phone(phone(12)).area("唐山市", "路北区").build());
        store.directory().leaders().insert(Fixtures.leader("l-1").name("刘干事").phone(phone(21)).level(1).build());
        incident = services.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "老人摔倒了",
                null, new Reporter(phone(2), "王德福", Channel.SMS, true), Language.ZH_CN));
    }

    private final RecordingGroup group = new RecordingGroup(sms);

    private ProviderPushHandler handler(SmsProvider provider) {
        return new ProviderPushHandler(services.inboundSms(), services.dispatcher(),
                DomesticSms.fromSecret(provider, "互助", SECRET, null), clock, services.config(),
                Edge.NONE, group);
    }

    @Test
    void aPushedReply_waitsForTheGroupPosts_afterItsSms_beforeTheFunctionReturns() {
        // given
        int before = sms.attempts().size();

        // when: the reply takes the incident (the family and the others are texted, the group is told)
        handler(SmsProvider.ALIYUN).handleRequest(event("provider-aliyun-smsup.json"), null);

        // then: Lambda freezes the process on return, so the posts are given their moment after the SMS went
        assertThat(group.awaited()).hasSize(1);
        assertThat(group.awaited().get(0)).isGreaterThan(before);
    }

    @Test
    void anAlibabaReply_ofOne_acceptsTheAlert_andIsAnsweredWithTheAckAlibabaWaitsFor() {
        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.ALIYUN).handleRequest(event("provider-aliyun-smsup.json"), null);

        // then
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");
        Incident now = current();
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.responders()).extracting(x -> x.recipientId()).containsExactly("v-1");
    }

    @Test
    void theSamePushTwice_changesNothingTheSecondTime() {
        // given
        ProviderPushHandler handler = handler(SmsProvider.ALIYUN);
        handler.handleRequest(event("provider-aliyun-smsup.json"), null);
        Incident before = current();
        int sent = sms.attempts().size();

        // when
        APIGatewayV2HTTPResponse again = handler.handleRequest(event("provider-aliyun-smsup.json"), null);

        // then
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(current()).isEqualTo(before);
        assertThat(sms.attempts()).hasSize(sent);
    }

    @Test
    void aPushWithAWrongToken_is401_andChangesNothing() {
        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.ALIYUN).handleRequest(event("provider-aliyun-smsup-wrong-token.json"),
                null);

        // then
        assertThat(r.getStatusCode()).isEqualTo(401);
        assertThat(r.getBody()).contains("\"code\":\"unauthorized\"");
        assertThat(current()).isEqualTo(incident);
    }

    @Test
    void aReplayedPush_hoursLater_is403_andChangesNothing() {
        // given
        clock.advance(Duration.ofHours(2));

        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.ALIYUN).handleRequest(event("provider-aliyun-smsup.json"), null);

        // then
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(current()).isEqualTo(incident);
    }

    @Test
    void aBodyNotInTheProvidersFormat_is400() {
        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.ALIYUN).handleRequest(event("provider-aliyun-smsup-malformed.json"),
                null);

        // then
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(current()).isEqualTo(incident);
    }

    @Test
    void alibabaReports_ofEveryAlertUndeliverable_moveTheIncidentToTheLeadersAtOnce() {
        // given
        ProviderPushHandler handler = handler(SmsProvider.ALIYUN);

        // when
        for (String v : new String[] {"v-1", "v-2"}) {
            APIGatewayV2HTTPEvent e = event("provider-aliyun-smsreport.json");
            e.setBody(e.getBody().replace("BIZ_ID", current().alertFor(v).orElseThrow().messageId()));
            assertThat(handler.handleRequest(e, null).getStatusCode()).isEqualTo(200);
        }

        // then
        Incident now = current();
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.FAILED);
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.alertFor("l-1")).isPresent();
    }

    @Test
    void aTencentStatusCallback_marksTheAlertDelivered() {
        // given
        APIGatewayV2HTTPEvent e = event("provider-tencent-status.json");
        e.setBody(e.getBody().replace("SID", current().alertFor("v-2").orElseThrow().messageId()));

        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.TENCENT).handleRequest(e, null);

        // then
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("{\"result\":0,\"errmsg\":\"OK\"}");
        assertThat(current().alertFor("v-2").orElseThrow().status()).isEqualTo(AlertStatus.DELIVERED);
    }

    @Test
    void aTencentReply_acceptsTheAlert() {
        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.TENCENT).handleRequest(event("provider-tencent-reply.json"), null);

        // then
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(current().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    @Test
    void anAlibabaReply_inEverydayWords_acceptsTheAlert() {
        // when
        APIGatewayV2HTTPResponse r = handler(SmsProvider.ALIYUN).handleRequest(
                replying("provider-aliyun-smsup.json", "\"content\": \"1\"", "\"content\": \"好的，马上到👌\""), null);

        // then
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(current().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(current().responders()).extracting(x -> x.recipientId()).containsExactly("v-1");
    }

    @Test
    void aTencentReply_ofEverydayRefusal_declinesTheAlert() {
        // when
        handler(SmsProvider.TENCENT).handleRequest(
                replying("provider-tencent-reply.json", "\"text\": \"1\"", "\"text\": \"不好意思，去不了\""), null);

        // then
        assertThat(current().alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.DECLINED);
        assertThat(current().status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void aTencentReply_thatIsNotUnderstood_isKeptOnTheTimeline_andAnsweredWithTheCodeAndTheTwoAnswers() {
        // given
        sms.clear();

        // when
        handler(SmsProvider.TENCENT).handleRequest(
                replying("provider-tencent-reply.json", "\"text\": \"1\"", "\"text\": \"在哪？\""), null);

        // then
        assertThat(current().status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(current().timeline()).last().satisfies(e -> assertThat(e.text()).contains("在哪"));
        assertThat(sms.bodiesTo(phone(11))).singleElement().asString()
                .contains("回复1接单" + incident.code(), "0无法前往");
    }

    @Test
    void anotherProvidersPath_orAStackOnSns_isNotFound() {
        // when
        APIGatewayV2HTTPResponse wrongProvider = handler(SmsProvider.TENCENT).handleRequest(
                event("provider-aliyun-smsup.json"), null);
        APIGatewayV2HTTPResponse sns = new ProviderPushHandler(services.inboundSms(), services.dispatcher(), null, clock,
                services.config(), Edge.NONE, GroupAnnouncements.NONE)
                .handleRequest(event("provider-aliyun-smsup.json"), null);

        // then
        assertThat(wrongProvider.getStatusCode()).isEqualTo(404);
        assertThat(sns.getStatusCode()).isEqualTo(404);
        assertThat(current()).isEqualTo(incident);
    }

    private Incident current() {
        return store.incidents().get(incident.id()).orElseThrow();
    }

    /** The provider's push of one fixture with the reply's text changed. */
    private static APIGatewayV2HTTPEvent replying(String name, String text, String instead) {
        APIGatewayV2HTTPEvent e = event(name);
        assertThat(e.getBody()).contains(text);
        e.setBody(e.getBody().replace(text, instead));
        return e;
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + name);
    }
}
