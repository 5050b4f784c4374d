package huzhu.aws.dynamo;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The races that decide who helps, run for real on threads against DynamoDB (dynalite) with the real
 * dispatcher, twenty times each: only conditional writes decide them, never read-then-write luck.
 */
class DispatchRacesOnDynamoIT {
    private static final OperationCounter operations = new OperationCounter();
    @RegisterExtension
    static final DynaliteTables tables = new DynaliteTables(operations);
    private static ExecutorService threads;

    private DynamoStore store;
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private Dispatcher dispatcher;
    private Services services;

    @BeforeAll
    static void startThreads() {
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void aMemberWithTwoNeighboursAndAnOfficer() {
        store = tables.freshStore();
        services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(11),
                new ServiceConfig("https://huzhu.example", null));
        dispatcher = services.dispatcher();
        store.directory().members().insert(Fixtures.member("m-1").phone(phone(1)).home("武汉市", "江汉区")
                .family("王建国", "父亲", phone(2)).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(phone(11)).area("武汉市", "江汉区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").name("赵敏").phone(phone(12)).area("武汉市", "江汉区").build());
        store.directory().leaders().insert(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
    }

    private Incident open() {
        return dispatcher.open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(phone(2), "父亲", Channel.SMS, true), null));
    }

    @RepeatedTest(20)
    void twoNeighboursReplyingOneInTheSameInstant_exactlyOneTakesIt() throws Exception {
        // given
        Incident incident = open();

        // when
        List<Dispatcher.Response> answers = together(
                () -> dispatcher.respond(incident.id(), "v-1", Action.ACCEPT),
                () -> dispatcher.respond(incident.id(), "v-2", Action.ACCEPT));

        // then
        assertThat(answers).extracting(Dispatcher.Response::outcome)
                .containsExactlyInAnyOrder(Outcome.ACCEPTED, Outcome.ALREADY_TAKEN);
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.responders()).hasSize(1);
        assertThat(now.alerts()).filteredOn(a -> a.status() == AlertStatus.ACCEPTED).hasSize(1);
    }

    @RepeatedTest(20)
    void anAcceptRacingTheEscalationCheck_neverLeavesAnAcceptedIncidentEscalating() throws Exception {
        // given the deadline has just passed
        Incident incident = open();
        clock.advance(Duration.ofSeconds(180));

        // when
        List<Object> results = together(
                () -> dispatcher.respond(incident.id(), "v-1", Action.ACCEPT),
                () -> dispatcher.escalateDue());

        // then: the accept always wins its place; at most one escalation happened, and none after it
        assertThat(((Dispatcher.Response) results.get(0)).outcome()).isEqualTo(Outcome.ACCEPTED);
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(now.escalations()).isLessThanOrEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.escalateDue()).isZero();
        assertThat(store.incidents().get(incident.id()).orElseThrow().escalations()).isEqualTo(now.escalations());
    }

    @RepeatedTest(20)
    void twoOverlappingEscalationChecks_moveTheIncidentExactlyOneLevel() throws Exception {
        // given
        Incident incident = open();
        clock.advance(Duration.ofSeconds(181));

        // when
        List<Integer> escalated = together(() -> dispatcher.escalateDue(), () -> dispatcher.escalateDue());

        // then
        assertThat(escalated.get(0) + escalated.get(1)).isEqualTo(1);
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.escalations()).isEqualTo(1);
        assertThat(sms.sentTo(phone(21))).hasSize(1);
    }

    @RepeatedTest(20)
    void aFamilyTextAndAPressOfTheLinkInTheSameInstant_openOneEmergency_andEachNeighbourIsAlertedOnce() throws Exception {
        // given
        String token = services.directory().issueTriggerLink("m-1").token();

        // when the father texts while the mother presses the link on the card by the phone
        List<Object> results = together(
                () -> services.inboundSms().handle(new InboundSms(phone(2), "+8610690000", "老伴晕倒了", "in-1", null)),
                () -> services.trigger().trigger(token, new TriggerInput(null, "在厨房", null, null, null), "key-1"));

        // then one incident: the one stored first opened, the other joined it and its words were passed on
        List<Incident> all = store.incidents().list(IncidentQuery.ALL, PageRequest.first(10)).items();
        assertThat(all).hasSize(1);
        assertThat(((Triggered) results.get(1)).incidentId()).isEqualTo(all.get(0).id());
        assertThat(results.get(0)).isIn(Handled.OPENED, Handled.RELAYED);
        assertThat(sms.bodiesTo(phone(11))).filteredOn(body -> body.contains("回复1")).hasSize(1);
        assertThat(sms.bodiesTo(phone(12))).filteredOn(body -> body.contains("回复1")).hasSize(1);
    }

    /** Runs both at once (released by one latch) and returns their results in order. */
    @SafeVarargs
    private static <T> List<T> together(Callable<? extends T>... tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<? extends T>> futures = new ArrayList<>();
        for (Callable<? extends T> task : tasks) {
            futures.add(threads.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<? extends T> f : futures) results.add(f.get());
        return results;
    }
}
