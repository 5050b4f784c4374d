package huzhu.sms.china;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.sms.china.aliyun.AliyunPushes;
import huzhu.sms.china.tencent.TencentPushes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PushGuardTest {
    private static final String TOKEN = "k3Vq9sQ0xN2bLr7TzYwH4cJm8eP1aUfD6gSoIiEh";
    private static final String PREVIOUS = "Zr8Pq2Lx5Nv0Tb7Wc4Ym1Hd9Ks6Fj3Ga0Ue2Oi5Ry";
    /** 16:30:30 Beijing time. */
    private static final Instant NOW = Instant.parse("2026-12-02T08:30:30Z");

    private final PushGuard guard = new PushGuard(List.of(TOKEN, PREVIOUS), Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1), Duration.ofMinutes(5));

    private static String aliyunReply(String sendTime, long sequenceId) {
        return "[{\"phone_number\":\"13800138000\",\"content\":\"1\",\"send_time\":\"" + sendTime
                + "\",\"dest_code\":\"1234\",\"sequence_id\":" + sequenceId + "}]";
    }

    @Test
    void check_acceptsAFreshPush_withTheCurrentOrThePreviousToken() {
        // when
        PushOutcome<Uplink> current = guard.check(TOKEN, aliyunReply("2026-12-02 16:30:05", 1), AliyunPushes::uplinks,
                Uplink::at);
        PushOutcome<Uplink> previous = guard.check(PREVIOUS, aliyunReply("2026-12-02 16:30:05", 1),
                AliyunPushes::uplinks, Uplink::at);

        // then
        assertThat(current).isInstanceOfSatisfying(PushOutcome.Accepted.class, a -> {
            assertThat(a.items()).hasSize(1);
            assertThat(a.stale()).isZero();
        });
        assertThat(previous).isInstanceOf(PushOutcome.Accepted.class);
    }

    @Test
    void check_refusesWith401_aPushWithoutTokenOrWithAWrongOne_andDoesNotEvenParseIt() {
        // given
        AtomicInteger parsed = new AtomicInteger();
        Function<String, List<Uplink>> parser = body -> {
            parsed.incrementAndGet();
            return AliyunPushes.uplinks(body);
        };
        String body = aliyunReply("2026-12-02 16:30:05", 1);

        // when / then
        for (String forged : new String[] {null, "", "guess", TOKEN.substring(0, TOKEN.length() - 1),
                TOKEN + "x", TOKEN.toLowerCase()}) {
            assertThat(guard.check(forged, body, parser, Uplink::at)).as(String.valueOf(forged))
                    .isEqualTo(new PushOutcome.Rejected<Uplink>(401, "push token missing or wrong"));
        }
        assertThat(parsed).hasValue(0);
    }

    @Test
    void check_refusesWith403_aReplayedPushWhoseItemsAreAllOlderThanTheWindow() {
        // when: the same reply as an hour and a half ago
        PushOutcome<Uplink> outcome = guard.check(TOKEN, aliyunReply("2026-12-02 15:00:00", 1),
                AliyunPushes::uplinks, Uplink::at);

        // then
        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Rejected.class, r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void check_dropsOnlyTheStaleOrFutureItems_ofAMixedBatch_andCountsThem() {
        // given: fresh, stale, 10 minutes ahead (beyond the 5 minutes of skew), and 2 minutes ahead (within)
        String body = "[" + String.join(",",
                "{\"phone_number\":\"13800138000\",\"content\":\"1\",\"send_time\":\"2026-12-02 16:30:05\",\"sequence_id\":1}",
                "{\"phone_number\":\"13800138000\",\"content\":\"1\",\"send_time\":\"2026-12-02 15:00:00\",\"sequence_id\":2}",
                "{\"phone_number\":\"13800138000\",\"content\":\"1\",\"send_time\":\"2026-12-02 16:40:30\",\"sequence_id\":3}",
                "{\"phone_number\":\"13800138000\",\"content\":\"1\",\"send_time\":\"2026-12-02 16:32:30\",\"sequence_id\":4}")
                + "]";

        // when
        PushOutcome<Uplink> outcome = guard.check(TOKEN, body, AliyunPushes::uplinks, Uplink::at);

        // then
        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Accepted.class, a -> {
            assertThat(a.items()).extracting(u -> ((Uplink) u).providerMessageId()).containsExactly("1", "4");
            assertThat(a.stale()).isEqualTo(2);
        });
    }

    @Test
    void check_refusesWith400_anAuthenticatedBodyThatIsNotTheProvidersFormat() {
        // when
        PushOutcome<DeliveryReport> outcome = guard.check(TOKEN, "{\"hello\":", TencentPushes::reports,
                DeliveryReport::at);

        // then
        assertThat(outcome).isEqualTo(new PushOutcome.Rejected<DeliveryReport>(400, "not the provider's push format"));
    }

    @Test
    void check_treatsAnUndatedItemAsOutsideTheWindow() {
        // when
        PushOutcome<Uplink> outcome = guard.check(TOKEN, "[{\"phone_number\":\"13800138000\",\"content\":\"1\","
                + "\"sequence_id\":7}]", AliyunPushes::uplinks, Uplink::at);

        // then
        assertThat(outcome).isInstanceOf(PushOutcome.Rejected.class);
    }

    @Test
    void constructor_refusesNoTokenOrAShortOne() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new PushGuard(List.of(), clock, Duration.ofHours(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PushGuard(List.of("short-token"), clock, Duration.ofHours(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }
}
