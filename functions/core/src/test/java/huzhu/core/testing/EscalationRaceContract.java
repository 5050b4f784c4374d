package huzhu.core.testing;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Escalation under real concurrency, against a real store: an accept, the timer message (and its
 * duplicates) and overlapping sweeps, released on separate threads at the same instant of the clock, many
 * times over. Whatever the interleaving: exactly one level change per deadline, and no escalation after an
 * accept. Each store runs it through a subclass ({@link #newStore()}).
 */
public abstract class EscalationRaceContract {
    private static final int TIMEOUT_SECONDS = 20;

    /** A fresh, empty store; closed after the test if it is {@link AutoCloseable}. */
    protected abstract Store newStore();

    private Store store;
    private final MutableClock clock = MutableClock.atT0();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final List<String> timers = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private Dispatcher dispatcher;

    @BeforeEach
    void aUnion() {
        store = newStore();
        EscalationTimer timer = (incidentId, level, deadline) -> timers.add(incidentId + "/" + level + "/" + deadline);
        dispatcher = Services.create(store, sms, timer, clock, new SequentialIds(7),
                new ServiceConfig("https://huzhu.example", null)).dispatcher();
        store.directory().members().insert(Fixtures.member("m-1").phone(phone(1)).home("杭州", "西湖区").build());
        store.directory().volunteers().insert(Fixtures.liNa().build());
        store.directory().volunteers().insert(Fixtures.zhangWei().build());
        store.directory().leaders().insert(Fixtures.officerLiu().build());
        store.directory().leaders().insert(Fixtures.chairZhang().build());
    }

    @AfterEach
    void closeAll() throws Exception {
        threads.shutdownNow();
        if (store instanceof AutoCloseable c) c.close();
    }

    private Incident open() {
        return dispatcher.open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(phone(1), null, Channel.HTTP, true), null));
    }

    private Incident reload(Incident i) {
        return store.incidents().get(i.id()).orElseThrow();
    }

    /** Runs every task on its own thread, all released at once; rethrows the first failure. */
    private void race(Runnable... tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                task.run();
                return null;
            }));
        }
        assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (Future<?> f : running) f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The invariants, on the incident as stored and on what was sent. */
    private void assertEscalatedAtMostOncePerDeadline_andNeverAfterAnAccept(Incident incident) {
        Map<Instant, Integer> stepsPerDeadline = new HashMap<>();
        for (TimelineEntry e : incident.timeline()) {
            if (e.deadline() != null) stepsPerDeadline.merge(e.deadline(), 1, Integer::sum);
        }
        assertThat(stepsPerDeadline.values()).as("level changes per deadline").allMatch(n -> n == 1);
        long escalated = incident.timeline().stream().filter(e -> e.kind().equals("escalated")).count();
        assertThat(incident.level()).as("level = deadline escalations").isEqualTo((int) escalated);

        List<String> kinds = incident.timeline().stream().map(TimelineEntry::kind).toList();
        int accepted = kinds.indexOf("accepted");
        if (accepted >= 0) {
            assertThat(kinds.subList(accepted, kinds.size())).as("after the accept")
                    .doesNotContain("escalated", "repeated", "alerted", "exhausted");
            assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
            assertThat(incident.nextEscalationAt()).isNull();
        }
        for (String leader : List.of(phone(21), phone(22))) {
            assertThat(sms.bodiesTo(leader)).as("alerts to " + leader).filteredOn(b -> b.contains("/v1/acks/"))
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    @RepeatedTest(20)
    void acceptTimerAndSweep_atTheDeadline_neverEscalateAfterTheAccept() throws Exception {
        // given
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        clock.set(deadline);

        // when
        race(() -> dispatcher.respond(incident.id(), "v-1", Action.ACCEPT),
                () -> dispatcher.onTimer(incident.id(), 0, deadline),
                () -> dispatcher.escalateDue());

        // then: the accept stands whoever came first, and at most the one level change
        Incident now = reload(incident);
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.level()).isBetween(0, 1);
        assertEscalatedAtMostOncePerDeadline_andNeverAfterAnAccept(now);
        assertThat(dispatcher.escalateDue()).isZero();
    }

    @RepeatedTest(20)
    void twoOverlappingSweeps_andTheTimer_escalateExactlyOnce() throws Exception {
        // given
        Incident incident = open();
        clock.set(incident.nextEscalationAt().plusMillis(300));

        // when
        race(dispatcher::escalateDue, dispatcher::escalateDue,
                () -> dispatcher.onTimer(incident.id(), 0, incident.nextEscalationAt()));

        // then
        Incident now = reload(incident);
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.escalations()).isEqualTo(1);
        assertThat(sms.bodiesTo(phone(21))).filteredOn(b -> b.contains("/v1/acks/")).hasSize(1);
        assertEscalatedAtMostOncePerDeadline_andNeverAfterAnAccept(now);
    }

    @RepeatedTest(20)
    void duplicateTimerMessages_escalateOnce_andALateOneForTheOldLevelDoesNothing() throws Exception {
        // given
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        clock.set(deadline);

        // when: three copies of the same message at once
        race(() -> dispatcher.onTimer(incident.id(), 0, deadline),
                () -> dispatcher.onTimer(incident.id(), 0, deadline),
                () -> dispatcher.onTimer(incident.id(), 0, deadline));
        Incident afterDuplicates = reload(incident);
        // and a fourth, very late, racing the next level's own timer after its deadline
        clock.set(afterDuplicates.nextEscalationAt());
        race(() -> dispatcher.onTimer(incident.id(), 0, deadline),
                () -> dispatcher.onTimer(incident.id(), 1, afterDuplicates.nextEscalationAt()));

        // then
        assertThat(afterDuplicates.level()).isEqualTo(1);
        Incident now = reload(incident);
        assertThat(now.level()).isEqualTo(2);
        assertThat(now.escalations()).isEqualTo(2);
        assertEscalatedAtMostOncePerDeadline_andNeverAfterAnAccept(now);
    }

    @RepeatedTest(20)
    void anAcceptRacingTheNextLevelsAlerts_leavesNobodyAlertedAfterIt() throws Exception {
        // given: a second volunteer accepts while the timer moves the incident to the officers
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        clock.set(deadline);

        // when
        race(() -> dispatcher.onTimer(incident.id(), 0, deadline),
                () -> dispatcher.respond(incident.id(), "v-2", Action.ACCEPT),
                () -> dispatcher.respond(incident.id(), "v-1", Action.DECLINE));

        // then
        Incident now = reload(incident);
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.responders()).singleElement().satisfies(r -> assertThat(r.recipientId()).isEqualTo("v-2"));
        assertEscalatedAtMostOncePerDeadline_andNeverAfterAnAccept(now);
    }
}
