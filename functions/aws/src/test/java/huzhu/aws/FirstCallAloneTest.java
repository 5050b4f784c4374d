package huzhu.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/** A client's first call builds and signs its request alone; the others wait for that, never for its answer. */
class FirstCallAloneTest {
    private static final Duration LONG = Duration.ofHours(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSecondCall_waitsUntilTheFirstHasSentItsRequest() throws Exception {
        // given the first call under way
        FirstCallAlone gate = new FirstCallAlone(LONG);
        gate.beforeExecution(null, new ExecutionAttributes());
        // when a second call starts
        Future<?> started = waitingSecondCall(gate);
        // then it waits, until the first call's request goes out
        assertThat(started).isNotDone();
        gate.beforeTransmission(null, new ExecutionAttributes());
        started.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFirstCallThatFailsBeforeSending_letsTheOthersGo() throws Exception {
        // given the first call under way and a second waiting
        FirstCallAlone gate = new FirstCallAlone(LONG);
        gate.beforeExecution(null, new ExecutionAttributes());
        Future<?> started = waitingSecondCall(gate);
        // when the first fails (a bad request, no credentials) before anything is sent
        gate.onExecutionFailure(null, new ExecutionAttributes());
        // then the second goes on
        started.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFirstCallThatNeverSends_holdsTheOthersNoLongerThanTheBound() throws Exception {
        // given a first call stuck before sending
        FirstCallAlone gate = new FirstCallAlone(Duration.ofMillis(50));
        gate.beforeExecution(null, new ExecutionAttributes());
        // when a second call starts, then it goes on after the bound, the first still stuck
        threads.submit(() -> gate.beforeExecution(null, new ExecutionAttributes())).get(10, TimeUnit.SECONDS);
    }

    @Test
    void callsAfterTheFirstHasSent_neverWait() throws Exception {
        // given a first call whose request has gone out (its answer not yet in)
        FirstCallAlone gate = new FirstCallAlone(LONG);
        gate.beforeExecution(null, new ExecutionAttributes());
        gate.beforeTransmission(null, new ExecutionAttributes());
        // when many calls start at once, then none waits
        CompletableFuture<?>[] calls = new CompletableFuture<?>[8];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = CompletableFuture.runAsync(() -> gate.beforeExecution(null, new ExecutionAttributes()), threads);
        }
        CompletableFuture.allOf(calls).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstCall_neverWaits() throws Exception {
        // given a gate no call has passed, when the first call starts, then it goes on at once
        FirstCallAlone gate = new FirstCallAlone(LONG);
        threads.submit(() -> gate.beforeExecution(null, new ExecutionAttributes())).get(10, TimeUnit.SECONDS);
    }

    /**
     * A second call started on its own thread, returned once that thread is parked in the gate (or, for a gate that
     * let it through, once it has finished: the caller's assertion then fails).
     */
    private Future<?> waitingSecondCall(FirstCallAlone gate) throws InterruptedException {
        AtomicReference<Thread> second = new AtomicReference<>();
        Future<?> started = threads.submit(() -> {
            second.set(Thread.currentThread());
            gate.beforeExecution(null, new ExecutionAttributes());
        });
        for (int i = 0; i < 10_000 && !started.isDone(); i++) {
            Thread t = second.get();
            if (t != null && t.getState() == Thread.State.TIMED_WAITING) break;
            Thread.onSpinWait();
            if (i % 100 == 99) Thread.sleep(1);
        }
        return started;
    }
}
