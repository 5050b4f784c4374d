package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.DependencyFailure;
import huzhu.core.error.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void aFailedRead_isRethrownAsItWasThrown_whenItsResultIsAskedFor() {
        DependencyFailure storeDown = new DependencyFailure("DynamoDB unavailable (test)", null);
        ReadAhead.Pending<String> read = ReadAhead.start(() -> {
            throw storeDown;
        });

        assertThatThrownBy(read::get).isSameAs(storeDown);
        assertThatThrownBy(ReadAhead.start(() -> {
            throw new NotFound("member");
        })::get).isInstanceOf(NotFound.class);
    }

    @Test
    void aReadNobodyAsksFor_failsNobody() {
        ReadAhead.start(() -> {
            throw new DependencyFailure("not needed after all", null);
        });
        assertThat(ReadAhead.done("known").get()).isEqualTo("known");
    }

    @Test
    void withEveryThreadBusy_aReadRunsInTheCallersThread_ratherThanWaitForOne() {
        CountDownLatch release = new CountDownLatch(1);
        List<ReadAhead.Pending<String>> busy = everyThreadBusyUntil(release);

        String ranOn = ReadAhead.start(() -> Thread.currentThread().getName()).get();
        release.countDown();

        assertThat(ranOn).isEqualTo(Thread.currentThread().getName());
        assertThat(busy.stream().map(ReadAhead.Pending::get)).allMatch(t -> t.startsWith("huzhu-read-ahead-"));
    }

    @Test
    void workBesideTheCaller_runsOnAThreadOfThePool() {
        String ranOn = ReadAhead.beside(() -> Thread.currentThread().getName()).get();

        assertThat(ranOn).startsWith("huzhu-read-ahead-");
    }

    @Test
    void withEveryThreadBusy_workBesideTheCaller_waitsUntilItIsAwaited_ratherThanHoldTheCallerBack() {
        CountDownLatch release = new CountDownLatch(1);
        List<ReadAhead.Pending<String>> busy = everyThreadBusyUntil(release);
        List<String> happened = new java.util.concurrent.CopyOnWriteArrayList<>();

        ReadAhead.Pending<String> timer = ReadAhead.beside(() -> {
            happened.add("the timer set");
            return Thread.currentThread().getName();
        });
        happened.add("the alerts sent");
        String ranOn = timer.get();
        release.countDown();

        assertThat(happened).containsExactly("the alerts sent", "the timer set");
        assertThat(ranOn).isEqualTo(Thread.currentThread().getName());
        assertThat(busy.stream().map(ReadAhead.Pending::get)).allMatch(t -> t.startsWith("huzhu-read-ahead-"));
    }

    @Test
    void aCallerInterruptedWhileWaiting_getsADependencyFailure_andKeepsItsInterruptFlag() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReadAhead.Pending<String> slow = ReadAhead.start(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        List<Object> seen = new ArrayList<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                slow.get();
                seen.add("no failure");
            } catch (DependencyFailure e) {
                seen.add(e);
            }
            seen.add(Thread.currentThread().isInterrupted());
        });

        caller.start();
        caller.join(10_000);
        release.countDown();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isInstanceOf(DependencyFailure.class);
        assertThat(((DependencyFailure) seen.get(0)).getCause()).isInstanceOf(InterruptedException.class);
        assertThat(seen.get(1)).isEqualTo(true);
        assertThat(slow.get()).isEqualTo("late");
    }

    /**
     * Reads on every thread of the pool, each holding its thread until {@code release}; each answers its thread's name.
     * A thread the test before has just let go of may not be taking work yet, so a read the pool had no thread for
     * (run in this thread, where it holds nothing) is started again until every one of the pool's threads holds one.
     */
    private static List<ReadAhead.Pending<String>> everyThreadBusyUntil(CountDownLatch release) {
        Thread caller = Thread.currentThread();
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<ReadAhead.Pending<String>> busy = new ArrayList<>();
        while (busy.size() < ReadAhead.THREADS) {
            AtomicBoolean noThreadFree = new AtomicBoolean();
            ReadAhead.Pending<String> read = ReadAhead.start(() -> {
                if (Thread.currentThread() == caller) {
                    noThreadFree.set(true);
                    return null;
                }
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Thread.currentThread().getName();
            });
            if (!noThreadFree.get()) {
                busy.add(read);
            } else if (System.nanoTime() > giveUpAt) {
                throw new AssertionError("the pool never had its " + ReadAhead.THREADS + " threads free");
            } else {
                Thread.yield();
            }
        }
        return busy;
    }
}
