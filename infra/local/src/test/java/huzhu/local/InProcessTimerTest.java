package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InProcessTimerTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void deadline_handsTheIncidentToTheCallback_notBeforeItIsDue() throws Exception {
        // given
        CountDownLatch fired = new CountDownLatch(1);
        List<String> incidents = new CopyOnWriteArrayList<>();
        long[] firedAtNanos = new long[1];
        Instant[] deadlines = new Instant[1];
        try (InProcessTimer timer = new InProcessTimer(clock, (id, level, deadline) -> {
            firedAtNanos[0] = System.nanoTime();
            incidents.add(id + "/" + level + "/" + deadline.equals(deadlines[0]));
            fired.countDown();
        })) {
            long scheduledAt = System.nanoTime();
            deadlines[0] = clock.instant().plusMillis(150);

            // when
            timer.schedule("inc-1", 0, deadlines[0]);

            // then
            assertThat(fired.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(incidents).containsExactly("inc-1/0/true");
            assertThat(TimeUnit.NANOSECONDS.toMillis(firedAtNanos[0] - scheduledAt)).isGreaterThanOrEqualTo(140);
        }
    }

    @Test
    void deadlineInThePast_firesAtOnce() throws Exception {
        // given
        CountDownLatch fired = new CountDownLatch(1);
        try (InProcessTimer timer = new InProcessTimer(clock, (id, level, deadline) -> fired.countDown())) {
            // when
            timer.schedule("inc-1", 2, Instant.EPOCH);

            // then
            assertThat(fired.await(1, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void failingCallback_isLogged_andLaterDeadlinesStillFire() throws Exception {
        // given
        CountDownLatch second = new CountDownLatch(1);
        try (InProcessTimer timer = new InProcessTimer(clock, (id, level, deadline) -> {
            if (id.equals("inc-1")) throw new IllegalStateException("store down");
            second.countDown();
        })) {
            // when
            timer.schedule("inc-1", 0, clock.instant().plusMillis(20));
            timer.schedule("inc-2", 0, clock.instant().plusMillis(60));

            // then
            assertThat(second.await(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closedTimer_ignoresNewDeadlines() throws Exception {
        // given
        CountDownLatch fired = new CountDownLatch(1);
        InProcessTimer timer = new InProcessTimer(clock, (id, level, deadline) -> fired.countDown());
        timer.close();

        // when
        timer.schedule("inc-1", 0, Instant.EPOCH);

        // then
        assertThat(fired.await(200, TimeUnit.MILLISECONDS)).isFalse();
    }
}
