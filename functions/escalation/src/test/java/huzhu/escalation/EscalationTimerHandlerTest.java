package huzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQS event source of the escalation timer, with the events as Lambda delivers them. */
class EscalationTimerHandlerTest {
    private static final Instant DEADLINE = Instant.parse("2026-03-02T01:33:00Z");

    private final InMemoryStore memory = new InMemoryStore();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    /** The memory store, unless the test takes it down. */
    private final Store store = Intercepted.store(memory, (method, args, real) -> {
        if (storeDown.get()) throw new DependencyFailure("DynamoDB unavailable (test)", null);
        return real.run();
    });
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final List<String> rearmed = new ArrayList<>();
    private final EscalationTimer timer = (id, level, deadline) -> rearmed.add(id + "/" + level + "/" + deadline);
    private final Services services = Services.create(store, sms, timer, clock, new SequentialIds(5),
            new ServiceConfig("https://huzhu.example", null));
    private final EscalationTimerHandler handler = new EscalationTimerHandler(services.dispatcher());
    private Incident opened;

    @BeforeEach
    void anIncidentNobodyAnswered() {
        memory.directory().members().insert(Fixtures.member("m-1").home("武汉市", "江汉区").build());
        memory.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11)).area("武汉市", "江汉区").build());
        memory.directory().leaders().insert(Fixtures.leader("l-1").phone(Fixtures.phone(21)).level(1).build());
    }

    private void open() {
        opened = services.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(Fixtures.phone(1), null, Channel.SMS, true), null));
        assertThat(opened.id()).isEqualTo("id-0001");
        assertThat(opened.nextEscalationAt()).isEqualTo(DEADLINE);
        rearmed.clear();
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void aDueTimerMessage_movesTheIncidentOneLevel_andReportsNoFailure() {
        // given
        open();
        clock.set(DEADLINE.plusMillis(40));
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-timer-due.json");

        // when
        SQSBatchResponse response = handler.handleRequest(event, null);

        // then
        assertThat(failed(response)).isEmpty();
        assertThat(memory.incidents().get(opened.id()).orElseThrow().level()).isEqualTo(1);
        assertThat(sms.bodiesTo(Fixtures.phone(21))).singleElement().asString().contains(opened.code());
    }

    @Test
    void theSameMessageDeliveredTwice_escalatesOnce() {
        // given
        open();
        clock.set(DEADLINE);
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-timer-due.json");
        handler.handleRequest(event, null);

        // when
        SQSBatchResponse again = handler.handleRequest(event, null);

        // then
        assertThat(failed(again)).isEmpty();
        assertThat(memory.incidents().get(opened.id()).orElseThrow().level()).isEqualTo(1);
        assertThat(sms.bodiesTo(Fixtures.phone(21))).hasSize(1);
    }

    @Test
    void aBatchWithAMalformedMessage_handlesTheGoodOne_andReportsOnlyTheBadOne() {
        // given
        open();
        clock.set(DEADLINE);
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-timer-good-and-bad.json");

        // when
        SQSBatchResponse response = handler.handleRequest(event, null);

        // then
        assertThat(failed(response)).containsExactly("0f7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c02");
        assertThat(memory.incidents().get(opened.id()).orElseThrow().level()).isEqualTo(1);
    }

    @Test
    void aBatchAsTheBytesLambdaHandsAStreamHandler_isAnsweredWithThePartialBatchResponseJson() throws Exception {
        // given
        open();
        clock.set(DEADLINE);
        byte[] event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/sqs-timer-good-and-bad.json")) {
            event = in.readAllBytes();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        // when
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);

        // then
        SQSBatchResponse readBack = LambdaEventSerializers.serializerFor(SQSBatchResponse.class,
                getClass().getClassLoader()).fromJson(answer.toString(StandardCharsets.UTF_8));
        assertThat(failed(readBack)).containsExactly("0f7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c02");
        assertThat(memory.incidents().get(opened.id()).orElseThrow().level()).isEqualTo(1);
    }

    @Test
    void sqsEvent_readsEachMessagesIdBodyAndAttributes_asTheRuntimesSerializerDoes() throws Exception {
        for (String fixture : List.of("events/sqs-timer-due.json", "events/sqs-timer-good-and-bad.json")) {
            // given
            SQSEvent runtime = EventLoader.loadSQSEvent(fixture);
            String text;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(fixture)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            // when
            SQSEvent ours = EscalationTimerHandler.sqsEvent(text);

            // then
            assertThat(ours.getRecords()).hasSameSizeAs(runtime.getRecords());
            for (int i = 0; i < ours.getRecords().size(); i++) {
                SQSEvent.SQSMessage a = ours.getRecords().get(i);
                SQSEvent.SQSMessage b = runtime.getRecords().get(i);
                assertThat(a.getMessageId()).as(fixture).isEqualTo(b.getMessageId());
                assertThat(a.getBody()).as(fixture).isEqualTo(b.getBody());
                assertThat(a.getAttributes()).as(fixture).isEqualTo(b.getAttributes());
                assertThat(a.getEventSourceArn()).as(fixture).isEqualTo(b.getEventSourceArn());
            }
        }
    }

    @Test
    void aMessageWhoseStoreIsDown_isReportedForRedelivery() {
        // given
        open();
        clock.set(DEADLINE);
        storeDown.set(true);

        // when
        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-timer-due.json"), null);

        // then
        assertThat(failed(response)).containsExactly("5c2e4c1a-6a0e-4b9e-9d47-2f7e0c8f1a01");
    }

    @Test
    void aMessageThatArrivesBeforeItsDeadline_isSentAgainForTheRest_andChangesNothing() {
        // given: a message delivered 100 s early (as after a 15-minute hop of a longer wait)
        open();
        clock.set(DEADLINE.minus(Duration.ofSeconds(100)));

        // when
        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-timer-due.json"), null);

        // then
        assertThat(failed(response)).isEmpty();
        assertThat(rearmed).containsExactly("id-0001/0/" + DEADLINE);
        assertThat(memory.incidents().get(opened.id()).orElseThrow().level()).isZero();
    }

    @Test
    void aMessageForAnIncidentSomeoneAccepted_doesNothing() {
        // given
        open();
        services.dispatcher().respond(opened.id(), "v-1", Action.ACCEPT);
        clock.set(DEADLINE);
        sms.clear();

        // when
        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-timer-due.json"), null);

        // then
        assertThat(failed(response)).isEmpty();
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void anEmptyEvent_isAnEmptyResponse() {
        assertThat(failed(handler.handleRequest(new SQSEvent(), null))).isEmpty();
    }
}
