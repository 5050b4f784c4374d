package huzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.error.DependencyFailure;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationHandlerTest {
    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(5),
            new ServiceConfig("https://huzhu.example", null));
    private final EscalationHandler handler = new EscalationHandler(services.dispatcher());

    @BeforeEach
    void aMemberInWuhan_aVolunteerNearby_andAnOfficer() {
        store.directory().members().insert(Fixtures.member("m-1").home("武汉市", "江汉区").build());
        store.directory().members().insert(Fixtures.member("m-2").phone(Fixtures.phone(2)).home("武汉市", "江汉区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11)).area("武汉市", "江汉区")
                .build());
        store.directory().leaders().insert(Fixtures.leader("l-1").phone(Fixtures.phone(21)).level(1).build());
    }

    /** An incident the member opened by SMS; nobody is told before its level-0 timeout (180 s) but the volunteer. */
    private Incident memberTexts(String message) {
        return memberTexts("m-1", message);
    }

    private Incident memberTexts(String memberId, String message) {
        return services.dispatcher().open(new Dispatcher.NewIncident(null, memberId, IncidentType.MEDICAL, message, null,
                new Reporter(store.directory().members().get(memberId).orElseThrow().phone(), null, Channel.SMS, true),
                null));
    }

    @Test
    void scheduledCheck_movesAnOverdueIncidentOneLevel_andReportsHowMany() {
        // given an incident nobody answered, past its level-0 timeout
        Incident opened = memberTexts("胸口疼");
        clock.advance(Duration.ofSeconds(181));
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled-check.json");

        // when
        Map<String, Object> result = handler.handleRequest(event, null);

        // then
        assertThat(result).containsEntry("escalated", 1);
        assertThat(store.incidents().get(opened.id()).orElseThrow().level()).isEqualTo(1);
        assertThat(sms.bodiesTo(Fixtures.phone(21))).singleElement().asString().contains(opened.code());
    }

    @Test
    void scheduledCheck_asTheBytesLambdaHandsAStreamHandler_escalates_andAnswersHowManyInJson() throws Exception {
        // given an incident nobody answered, past its level-0 timeout
        Incident opened = memberTexts("胸口疼");
        clock.advance(Duration.ofSeconds(181));
        byte[] event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/scheduled-check.json")) {
            event = in.readAllBytes();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        // when
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);

        // then
        assertThat(answer.toString(StandardCharsets.UTF_8)).isEqualTo("{\"escalated\":1}");
        assertThat(store.incidents().get(opened.id()).orElseThrow().level()).isEqualTo(1);
    }

    @Test
    void scheduledCheck_beforeAnyDeadline_changesNothing() {
        // given
        Incident opened = memberTexts("胸口疼");
        clock.advance(Duration.ofSeconds(179));

        // when
        Map<String, Object> result = handler.handleRequest(
                EventLoader.loadScheduledEvent("events/scheduled-check.json"), null);

        // then
        assertThat(result).containsEntry("escalated", 0);
        assertThat(store.incidents().get(opened.id()).orElseThrow().version()).isEqualTo(opened.version());
    }

    @Test
    void theProvidersPull_runsBeforeEscalation_andAFailedPullStillEscalates_butFailsTheInvocation() {
        // given an overdue incident, and a pull that answers "1" for the volunteer... and one that fails
        Incident opened = memberTexts("胸口疼");
        clock.advance(Duration.ofSeconds(181));
        Runnable acceptedMeanwhile = () -> services.inboundSms().handle(new InboundSmsService.InboundSms(
                Fixtures.phone(11), null, "1", "tencent:pulled-1", null));
        Runnable failing = () -> {
            throw new DependencyFailure("Tencent pull failed", null);
        };
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled-check.json");

        // when: the reply pulled this minute takes the incident before its deadline moves it
        Map<String, Object> first = new EscalationHandler(services.dispatcher(), null, acceptedMeanwhile,
                GroupAnnouncements.NONE)
                .handleRequest(event, null);

        // then
        assertThat(first).containsEntry("escalated", 0);
        assertThat(store.incidents().get(opened.id()).orElseThrow().level()).isZero();

        // and when the pull fails, another member's overdue incident still escalates, and the invocation fails after
        Incident second = memberTexts("m-2", "又摔了");
        clock.advance(Duration.ofSeconds(181));
        assertThatThrownBy(() -> new EscalationHandler(services.dispatcher(), null, failing, GroupAnnouncements.NONE)
                .handleRequest(event, null))
                .isInstanceOf(DependencyFailure.class);
        assertThat(store.incidents().get(second.id()).orElseThrow().level()).isEqualTo(1);
    }
}
