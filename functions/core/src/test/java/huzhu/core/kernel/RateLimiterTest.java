package huzhu.core.kernel;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.RateLimited;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final RateLimiter.Limit THREE_PER_MINUTE = new RateLimiter.Limit("test", 3, Duration.ofMinutes(1));

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(T0.plusSeconds(15));
    private final RateLimiter limiter = new RateLimiter(store.idempotency(), clock);

    @Test
    void theFirstMaxEvents_pass_theNextIsRefused_untilTheWindowEnds() {
        // given
        for (int i = 0; i < 3; i++) limiter.acquire(THREE_PER_MINUTE, "203.0.113.9");

        // when / then
        assertThatThrownBy(() -> limiter.acquire(THREE_PER_MINUTE, "203.0.113.9"))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.between(clock.instant(), windowEnd())));
        clock.advance(Duration.between(clock.instant(), windowEnd()));
        limiter.acquire(THREE_PER_MINUTE, "203.0.113.9");
    }

    @Test
    void keys_areCountedApart() {
        // given
        for (int i = 0; i < 3; i++) limiter.acquire(THREE_PER_MINUTE, "a");

        // when / then
        limiter.acquire(THREE_PER_MINUTE, "b");
        assertThatThrownBy(() -> limiter.acquire(THREE_PER_MINUTE, "a")).isInstanceOf(RateLimited.class);
    }

    @Test
    void theStoredKeys_holdNeitherTheTokenNorTheAddress() {
        // when
        limiter.acquire(THREE_PER_MINUTE, "token-AAAAAAAAAAAAAAAAAAAAAA");

        // then
        assertThat(store.idempotencyKeys()).isNotEmpty()
                .allSatisfy(k -> assertThat(k).startsWith("rl:test:").doesNotContain("token-AAAA"));
    }

    @Test
    void noKey_isNeverLimited() {
        for (int i = 0; i < 10; i++) limiter.acquire(THREE_PER_MINUTE, null);
        assertThat(store.idempotencyKeys()).isEmpty();
    }

    private Instant windowEnd() {
        long per = Duration.ofMinutes(1).toMillis();
        return Instant.ofEpochMilli((Math.floorDiv(clock.instant().toEpochMilli(), per) + 1) * per);
    }
}
