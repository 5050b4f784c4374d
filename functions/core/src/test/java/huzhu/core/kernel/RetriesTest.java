package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import huzhu.core.kernel.Retries.End;
import huzhu.core.kernel.Retries.Tried;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetriesTest {
    private final List<Duration> waits = new ArrayList<>();
    private final Retries recorded = new Retries(Backoff.DEFAULT, waits::add, () -> 0.5);
    private int calls;

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    /** Answers {@code answers} in turn, counting the calls; "throttled…" is the answer worth another call. */
    private Supplier<String> answering(String... answers) {
        Deque<String> left = new ArrayDeque<>(List.of(answers));
        return () -> {
            calls++;
            return left.size() > 1 ? left.poll() : left.peek();
        };
    }

    private static boolean throttled(String answer) {
        return answer.startsWith("throttled");
    }

    @Test
    void anAnswerNotToRetry_isTheOnlyCall_withoutAWait() {
        // when
        Tried<String> tried = recorded.run(answering("sent"), RetriesTest::throttled);

        // then
        assertThat(tried).isEqualTo(new Tried<>("sent", 1, End.ANSWERED));
        assertThat(tried.reason("rejected")).isEqualTo("rejected");
        assertThat(waits).isEmpty();
    }

    @Test
    void throttledTwice_thenAnswered_takesThreeCalls_withTheBackoffsGrowingWaits_atAJitterDrawnPerWait() {
        // given
        Deque<Double> draws = new ArrayDeque<>(List.of(0.0, 1.0));
        Retries retries = new Retries(Backoff.DEFAULT, waits::add, draws::poll);

        // when
        Tried<String> tried = retries.run(answering("throttled", "throttled", "sent"), RetriesTest::throttled);

        // then: half of 200 ms, then all of 400 ms
        assertThat(tried).isEqualTo(new Tried<>("sent", 3, End.ANSWERED));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    @Test
    void afterTheLastAttempt_theLastAnswerIsReturned_withoutAFurtherWait_andSaysHowManyAttempts() {
        // when
        Tried<String> tried = recorded.run(answering("throttled a", "throttled b", "throttled c"),
                RetriesTest::throttled);

        // then
        assertThat(tried).isEqualTo(new Tried<>("throttled c", 3, End.OUT_OF_ATTEMPTS));
        assertThat(tried.reason("throttled (Throttled, HTTP 400)"))
                .isEqualTo("throttled (Throttled, HTTP 400) after 3 attempts");
        assertThat(tried.permanent(true)).isTrue();
        assertThat(tried.permanent(false)).isFalse();
        assertThat(waits).containsExactly(Duration.ofMillis(150), Duration.ofMillis(300));
    }

    @Test
    void withoutRetries_aThrottledAnswerIsOutOfAttempts_atOnce() {
        // when
        Tried<String> tried = new Retries(Backoff.NONE, waits::add, () -> 0.5).run(answering("throttled"),
                RetriesTest::throttled);

        // then
        assertThat(tried).isEqualTo(new Tried<>("throttled", 1, End.OUT_OF_ATTEMPTS));
        assertThat(waits).isEmpty();
    }

    @Test
    void aWaitTheSleeperGivesUp_endsTheCalls_andKeepsTheInterrupt() {
        // given a sleeper interrupted as the real one is: the flag set, then an unchecked exception
        Retries retries = new Retries(Backoff.DEFAULT, d -> {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }, () -> 0.5);

        // when
        Tried<String> tried = retries.run(answering("throttled"), RetriesTest::throttled);

        // then
        assertThat(tried).isEqualTo(new Tried<>("throttled", 1, End.INTERRUPTED));
        assertThat(tried.reason("throttled")).isEqualTo("throttled, interrupted while backing off");
        assertThat(tried.permanent(true)).as("a failure cut short by the interrupt is never final").isFalse();
        assertThat(calls).isEqualTo(1);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void aWaitThatFailsForAnotherReason_isNotCalledAnInterruption_andInterruptsNothing() {
        // given a sleeper with a bug of its own: no interrupt, an unchecked exception
        IllegalArgumentException bug = new IllegalArgumentException("negative wait");
        Retries retries = new Retries(Backoff.DEFAULT, d -> {
            throw bug;
        }, () -> 0.5);

        // when
        Throwable thrown = catchThrowable(() -> retries.run(answering("throttled"), RetriesTest::throttled));

        // then the bug is the caller's to see, and the thread (a pooled one, perhaps) is left as it was
        assertThat(thrown).isSameAs(bug);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aThreadInterruptedDuringAWaitThatReturns_makesNoFurtherCall() {
        // given a sleeper that returns (a zero wait does not look at the flag) on an interrupted thread
        Retries retries = new Retries(Backoff.DEFAULT, d -> Thread.currentThread().interrupt(), () -> 0.5);

        // when
        Tried<String> tried = retries.run(answering("throttled"), RetriesTest::throttled);

        // then
        assertThat(tried.end()).isEqualTo(End.INTERRUPTED);
        assertThat(calls).isEqualTo(1);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void theRealRetries_waitAtTheBackoffsFigures() {
        // when
        Retries real = Retries.real(Backoff.DEFAULT);

        // then
        assertThat(real.backoff()).isEqualTo(Backoff.DEFAULT);
        assertThat(real.sleeper()).isSameAs(Sleeper.REAL);
        assertThat(real.jitter().getAsDouble()).isBetween(0.0, 1.0);
    }
}
