package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(5, Duration.ofMillis(200), Duration.ofSeconds(1));

    @Test
    void delayAfter_doublesEachAttempt_betweenHalfAndAllOfTheStep() {
        assertThat(backoff.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayAfter(1, 0.999999)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(2, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(3, 0.5)).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void delayAfter_neverExceedsTheCap_evenAfterManyAttempts() {
        assertThat(backoff.delayAfter(4, 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(40, 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE, 0.0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void constructor_refusesFewerThanOneAttempt() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
