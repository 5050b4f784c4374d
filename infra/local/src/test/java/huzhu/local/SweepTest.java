package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:30:00Z"), ZoneOffset.UTC);
    private final LocalAws aws = LocalAws.of("cn-north-1");

    @Test
    void sweep_runsTheEscalationFunctionOnSchedule_andKeepsGoingAfterAFailure() throws Exception {
        // given
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        Recording<ScheduledEvent, Map<String, Object>> escalation = new Recording<>(e -> {
            threeRuns.countDown();
            if (runs.incrementAndGet() == 1) throw new IllegalStateException("first run fails");
            return Map.of("escalated", 1);
        });

        // when
        try (Sweep sweep = new Sweep(new EscalationCheck(escalation, aws, clock, new CountingIds()),
                Duration.ofMillis(30))) {
            sweep.start();

            // then
            assertThat(threeRuns.await(2, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(escalation.events).allSatisfy(e -> {
            assertThat(e.getDetailType()).isEqualTo("Scheduled Event");
            assertThat(e.getSource()).isEqualTo("aws.events");
        });
        assertThat(escalation.contexts.get(0).getFunctionName()).isEqualTo("huzhu-local-escalation");
    }

    @Test
    void escalationCheck_withoutACountInTheResult_failsLoudly() {
        // given
        EscalationCheck check = new EscalationCheck(new Recording<>(e -> Map.of("done", true)), aws, clock,
                new CountingIds());

        // when / then
        assertThatThrownBy(check::runNow).isInstanceOf(IllegalStateException.class).hasMessageContaining("escalated");
    }
}
