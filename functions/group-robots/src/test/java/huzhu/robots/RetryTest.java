package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.robots.PostResult.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final List<Duration> waits = new ArrayList<>();
    private final GroupMessage line = new GroupMessage("", "【互助】求助 N47（路北区）已处理完毕");

    private Retry retry(double jitter) {
        return new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), waits::add, () -> jitter);
    }

    @Test
    void aPostedMessage_isNotTriedAgain() {
        // given
        ScriptedRobot robot = new ScriptedRobot("r");

        // when
        PostResult result = retry(0.5).post(robot, line);

        // then
        assertThat(result).isEqualTo(PostResult.posted());
        assertThat(robot.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aPermanentFailure_isNeverRetried() {
        // given
        ScriptedRobot robot = new ScriptedRobot("r", PostResult.permanentFailure("code 93000"));

        // when
        PostResult result = retry(0.5).post(robot, line);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(robot.received()).hasSize(1);
    }

    @Test
    void throttledThenTransient_thenPosted_takesThreeAttemptsAndTwoGrowingWaits() {
        // given
        ScriptedRobot robot = new ScriptedRobot("r", PostResult.throttled("45009"), PostResult.transientFailure("503"));

        // when
        PostResult result = retry(0.0).post(robot, line);

        // then: the waits are half of 1 s and of 2 s with no jitter
        assertThat(result.isPosted()).isTrue();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void afterTheLastAttempt_theLastFailureIsReported_withoutAFurtherWait() {
        // given
        ScriptedRobot robot = new ScriptedRobot("r", PostResult.throttled("a"), PostResult.throttled("b"),
                PostResult.transientFailure("c"));

        // when
        PostResult result = retry(1.0).post(robot, line);

        // then
        assertThat(result).isEqualTo(new PostResult(Outcome.TRANSIENT_FAILURE, "c", 3));
        assertThat(waits).containsExactly(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void theWaitNeverExceedsTheCap() {
        // given
        Retry retry = new Retry(10, Duration.ofSeconds(1), Duration.ofSeconds(4), waits::add, () -> 1.0);
        PostResult[] throttledEachTime = new PostResult[10];
        java.util.Arrays.fill(throttledEachTime, PostResult.throttled("busy"));

        // when
        retry.post(new ScriptedRobot("r", throttledEachTime), line);

        // then
        assertThat(waits).hasSize(9).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(4)));
        assertThat(waits.get(8)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRobotThatThrows_isOneTransientAttempt_notAFailedCaller() {
        // given
        GroupChat throwing = GroupChat.of("t", "t", message -> {
            throw new IllegalStateException("bug");
        });

        // when
        PostResult result = new Retry(1, Duration.ZERO, Duration.ZERO, waits::add, () -> 0).post(throwing, line);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
    }

    @Test
    void anInterruptedWait_stopsRetrying_andKeepsTheInterrupt() {
        // given
        ScriptedRobot robot = new ScriptedRobot("r", PostResult.throttled("a"));
        Retry retry = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), d -> {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }, () -> 0);

        // when
        PostResult result = retry.post(robot, line);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.THROTTLED);
        assertThat(robot.received()).hasSize(1);
        assertThat(Thread.interrupted()).isTrue();
    }
}
