package huzhu.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.Intercepted;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsInboundHandlerTest {
    private static final String FATHER = "+8613800138000";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final SmsInboundHandler handler = new SmsInboundHandler(Services.create(store, sms,
            EscalationTimer.NONE, MutableClock.atT0(), new SequentialIds(3),
            new ServiceConfig("https://huzhu.example", null)).inboundSms());

    @BeforeEach
    void aMemberWhoseFatherIsRegistered() {
        store.directory().members().insert(Fixtures.member("m-1").phone(Fixtures.phone(1)).home("武汉市", "江汉区")
                .family("王德福", "父亲", FATHER).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11)).area("武汉市", "江汉区").build());
    }

    @Test
    void fathersSms_opensAVerifiedIncident_andHeIsAnsweredWithTheCodeAnd120() {
        // given
        SNSEvent event = EventLoader.loadSNSEvent("events/sns-family-sms.json");

        // when
        handler.handleRequest(event, null);

        // then
        Incident incident = only(incidents());
        assertThat(incident.reporter().verified()).isTrue();
        assertThat(incident.message()).isEqualTo("救命 老伴胸口疼");
        assertThat(sms.bodiesTo(FATHER)).singleElement().asString().contains(incident.code()).contains("120");
        assertThat(sms.bodiesTo(Fixtures.phone(11))).singleElement().asString().contains(incident.code());
    }

    @Test
    void theSameSnsDeliveryTwice_isHandledOnce() {
        // given
        SNSEvent event = EventLoader.loadSNSEvent("events/sns-family-sms.json");
        handler.handleRequest(event, null);

        // when
        handler.handleRequest(EventLoader.loadSNSEvent("events/sns-family-sms.json"), null);

        // then
        assertThat(incidents()).hasSize(1);
        assertThat(sms.bodiesTo(FATHER)).hasSize(1);
    }

    @Test
    void anUnreadableRecord_isDropped_notRetriedForever() {
        // given
        SNSEvent event = EventLoader.loadSNSEvent("events/sns-unreadable.json");

        // when
        handler.handleRequest(event, null);

        // then
        assertThat(incidents()).isEmpty();
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void aFailingStore_propagates_soSnsDeliversAgain() {
        // given
        Store broken = Intercepted.store(store, (method, args, real) -> {
            if (method.getName().equals("recall")) throw new DependencyFailure("store down", null);
            return real.run();
        });
        SmsInboundHandler failing = new SmsInboundHandler(Services.create(broken, sms, EscalationTimer.NONE,
                MutableClock.atT0(), new SequentialIds(3), new ServiceConfig("", null)).inboundSms());

        // when / then
        assertThatThrownBy(() -> failing.handleRequest(EventLoader.loadSNSEvent("events/sns-family-sms.json"), null))
                .isInstanceOf(DependencyFailure.class);
    }

    @Test
    void fathersSms_asTheBytesLambdaHandsAStreamHandler_opensTheIncident_andAnswersNothing() throws Exception {
        // given
        byte[] event = resource("events/sns-family-sms.json");
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        // when
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);

        // then
        assertThat(only(incidents()).message()).isEqualTo("救命 老伴胸口疼");
        assertThat(answer.size()).isZero();
    }

    @Test
    void snsEvent_readsEveryRecordsIdAndMessage_asTheRuntimesSerializerDoes() throws Exception {
        for (String fixture : List.of("events/sns-family-sms.json", "events/sns-unreadable.json")) {
            // given
            SNSEvent runtime = EventLoader.loadSNSEvent(fixture);

            // when
            SNSEvent ours = SmsInboundHandler.snsEvent(new String(resource(fixture), StandardCharsets.UTF_8));

            // then
            assertThat(ours.getRecords()).hasSameSizeAs(runtime.getRecords());
            for (int i = 0; i < ours.getRecords().size(); i++) {
                SNSEvent.SNS a = ours.getRecords().get(i).getSNS();
                SNSEvent.SNS b = runtime.getRecords().get(i).getSNS();
                assertThat(a.getMessageId()).as(fixture).isEqualTo(b.getMessageId());
                assertThat(a.getMessage()).as(fixture).isEqualTo(b.getMessage());
                assertThat(a.getTopicArn()).as(fixture).isEqualTo(b.getTopicArn());
            }
        }
    }

    @Test
    void smsJsonThatIsNoObject_orHoldsAnObjectForAField_isDropped() {
        for (String message : List.of("null", "[]", "\"text\"", "{\"originationNumber\":{\"x\":1}}",
                "{\"originationNumber\":\"" + FATHER + "\"} trailing")) {
            // given
            SNSEvent event = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS()
                    .withMessageId("sns-1").withMessage(message))));

            // when
            handler.handleRequest(event, null);

            // then
            assertThat(incidents()).as(message).isEmpty();
            assertThat(sms.attempts()).as(message).isEmpty();
        }
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = SmsInboundHandlerTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private List<Incident> incidents() {
        return store.incidents().list(IncidentQuery.ALL, PageRequest.first(200)).items();
    }

    private static Incident only(List<Incident> incidents) {
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }
}
