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

    private List<Incident> incidents() {
        return store.incidents().list(IncidentQuery.ALL, PageRequest.first(200)).items();
    }

    private static Incident only(List<Incident> incidents) {
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }
}
