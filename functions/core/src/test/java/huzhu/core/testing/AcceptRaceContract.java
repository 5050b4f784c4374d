package huzhu.core.testing;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * One volunteer answering "1" to several incidents in the same instant (two phones' worth of SMS handled by two
 * Lambda containers), against a real store, many times over: however the writes interleave, the volunteer ends up
 * holding no more incidents than their {@code maxActive}, and every incident they did not get stays open for
 * someone else. Each store runs it through a subclass ({@link #newStore()}).
 */
public abstract class AcceptRaceContract {
    private static final int TIMEOUT_SECONDS = 20;

    /** A fresh, empty store; closed after the test if it is {@link AutoCloseable}. */
    protected abstract Store newStore();

    private Store store;
    private final MutableClock clock = MutableClock.atT0();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private Dispatcher dispatcher;

    @BeforeEach
    void threeFamiliesAndOneNeighbour() {
        store = newStore();
        dispatcher = Services.create(store, new RecordingMessenger(), EscalationTimer.NONE, clock,
                new SequentialIds(31), new ServiceConfig("https://huzhu.example", null)).dispatcher();
        for (int m = 1; m <= 3; m++) {
            store.directory().members().insert(Fixtures.member("m-" + m).phone(phone(m)).home("唐山市", "路北区").build());
        }
        store.directory().leaders().insert(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
    }

    @AfterEach
    void closeAll() throws Exception {
        threads.shutdownNow();
        if (store instanceof AutoCloseable c) c.close();
    }

    private void aVolunteer(int maxActive) {
        store.directory().volunteers().insert(Fixtures.liNa()
                .area("唐山市", "路北区").maxActive(maxActive).build());
    }

    private Incident open(String memberId) {
        return dispatcher.open(new Dispatcher.NewIncident(null, memberId, IncidentType.MEDICAL, "煤气中毒", null,
                new Reporter(null, null, Channel.HTTP, true), null));
    }

    private long held(List<Incident> incidents) {
        return incidents.stream().map(i -> store.incidents().get(i.id()).orElseThrow())
                .filter(i -> i.responder("v-1").isPresent()).count();
    }

    @RepeatedTest(20)
    void oneVolunteerAcceptingTwoIncidentsAtOnce_holdsOnlyOne_whenMaxActiveIsOne() throws Exception {
        // given
        aVolunteer(1);
        Incident a = open("m-1");
        Incident b = open("m-2");

        // when
        List<Dispatcher.Response> answers = together(
                () -> dispatcher.respond(a.id(), "v-1", Action.ACCEPT),
                () -> dispatcher.respond(b.id(), "v-1", Action.ACCEPT));

        // then
        assertThat(answers).extracting(Dispatcher.Response::outcome).containsOnlyOnce(Outcome.ACCEPTED);
        assertThat(held(List.of(a, b))).isEqualTo(1);
    }

    @RepeatedTest(20)
    void oneVolunteerAcceptingThreeIncidentsAtOnce_holdsTwo_whenMaxActiveIsTwo() throws Exception {
        // given
        aVolunteer(2);
        Incident a = open("m-1");
        Incident b = open("m-2");
        Incident c = open("m-3");

        // when
        List<Dispatcher.Response> answers = together(
                () -> dispatcher.respond(a.id(), "v-1", Action.ACCEPT),
                () -> dispatcher.respond(b.id(), "v-1", Action.ACCEPT),
                () -> dispatcher.respond(c.id(), "v-1", Action.ACCEPT));

        // then: at most two; at least one (someone always wins a free slot)
        long accepted = answers.stream().filter(r -> r.outcome() == Outcome.ACCEPTED).count();
        assertThat(accepted).isBetween(1L, 2L);
        assertThat(held(List.of(a, b, c))).isEqualTo(accepted);
    }

    /** Runs every task on its own thread, all released at once; their results in order. */
    @SafeVarargs
    private <T> List<T> together(Callable<T>... tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> task : tasks) {
            running.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : running) results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return results;
    }
}
