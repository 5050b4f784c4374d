package huzhu.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The clock, ids and messenger that other modules' tests lean on do what they promise. */
class TestDoublesTest {

    @Test
    void mutableClock_standsStill_untilMoved() {
        // given
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

        // when
        Instant before = clock.instant();
        Instant after = clock.advance(Duration.ofSeconds(181));
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));

        // then
        assertThat(before).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(after).isEqualTo(Instant.parse("2026-01-01T00:03:01Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void mutableClock_inAnotherZone_movesWithTheOriginal() {
        // given
        MutableClock clock = MutableClock.atT0();
        var shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        // when
        clock.advance(Duration.ofMinutes(5));

        // then
        assertThat(shanghai.instant()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(5)));
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void mutableClock_losesNoAdvance_underConcurrentMoves() throws InterruptedException {
        // given
        MutableClock clock = MutableClock.atT0();

        // when
        List<Thread> threads = IntStream.range(0, 4).mapToObj(n -> new Thread(() -> {
            for (int i = 0; i < 1000; i++) clock.advance(Duration.ofSeconds(1));
        })).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();

        // then
        assertThat(clock.instant()).isEqualTo(Fixtures.T0.plusSeconds(4000));
    }

    @Test
    void sequentialIds_countUp_andTheSameSeedGivesTheSameCodes() {
        // given
        SequentialIds ids = new SequentialIds(42);
        SequentialIds twin = new SequentialIds(42);

        // when / then
        assertThat(ids.newId()).isEqualTo("id-0001");
        assertThat(ids.newId()).isEqualTo("id-0002");
        assertThat(ids.newSecret()).isEqualTo("secret-0001");
        assertThat(ids.newId()).isEqualTo("id-0003");
        List<Integer> codes = IntStream.range(0, 5).map(i -> ids.nextInt(10_000)).boxed().toList();
        List<Integer> twinCodes = IntStream.range(0, 5).map(i -> twin.nextInt(10_000)).boxed().toList();
        assertThat(codes).isEqualTo(twinCodes).allMatch(c -> c >= 0 && c < 10_000);
    }

    @Test
    void recordingMessenger_numbersWhatItSends_andRemembersEveryAttempt() {
        // given
        RecordingMessenger messenger = new RecordingMessenger();
        messenger.failPermanently("+8613800000002");

        // when
        SendResult first = messenger.send(new OutboundSms("+8613800000001", TestSms.saying("hello"), "inc-1"));
        SendResult bad = messenger.send(new OutboundSms("+8613800000002", TestSms.saying("hello"), "inc-1"));
        SendResult second = messenger.send(new OutboundSms("+8613800000001", TestSms.saying("again"), null));

        // then
        assertThat(first).isEqualTo(SendResult.sent("msg-1"));
        assertThat(second).isEqualTo(SendResult.sent("msg-2"));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.permanent()).isTrue();
        assertThat(messenger.attempts()).hasSize(3);
        assertThat(messenger.sent()).extracting(RecordingMessenger.Attempt::messageId).containsExactly("msg-1", "msg-2");
        assertThat(messenger.bodiesTo("+8613800000001")).satisfiesExactly(b -> assertThat(b).endsWith("hello"),
                b -> assertThat(b).endsWith("again"));
        assertThat(messenger.sentTo("+8613800000002")).isEmpty();
    }

    @Test
    void recordingMessenger_failsTransiently_forTheGivenNumberOfTries() {
        // given
        RecordingMessenger messenger = new RecordingMessenger();
        messenger.failTransiently("+8613800000001", 2);
        OutboundSms sms = new OutboundSms("+8613800000001", TestSms.saying("hello"), "inc-1");

        // when
        List<SendResult> results = IntStream.range(0, 3).mapToObj(i -> messenger.send(sms)).toList();

        // then
        assertThat(results.get(0).ok()).isFalse();
        assertThat(results.get(0).permanent()).isFalse();
        assertThat(results.get(1).ok()).isFalse();
        assertThat(results.get(2)).isEqualTo(SendResult.sent("msg-1"));
    }

    @Test
    void recordingMessenger_keepsFailing_untilTheNumberRecovers() {
        // given
        RecordingMessenger messenger = new RecordingMessenger();
        messenger.failTransiently("+8613800000001");
        OutboundSms sms = new OutboundSms("+8613800000001", TestSms.saying("hello"), null);

        // when
        SendResult during = messenger.send(sms);
        messenger.send(sms);
        messenger.recover("+8613800000001");
        SendResult after = messenger.send(sms);

        // then
        assertThat(during.ok()).isFalse();
        assertThat(after.ok()).isTrue();
        assertThat(messenger.attempts()).hasSize(3);
    }

    @Test
    void aFailedIdempotencyWrite_failsTheReservationBuiltOnIt_too() {
        // given a store that times out on its next idempotency write
        InterleavingStore store = new InterleavingStore(new InMemoryStore());
        IllegalStateException timedOut = new IllegalStateException("DynamoDB timed out (test)");
        store.failNextRemember(timedOut);

        // when a service reserves an id under an Idempotency-Key
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> IdempotencyStore.reserve(
                store.idempotency(), "console:key-1", "id-1", Duration.ofHours(1), Fixtures.T0));

        // then the hook saw the write inside it
        assertThat(thrown).isSameAs(timedOut);
        assertThat(store.idempotency().recall("console:key-1", Fixtures.T0)).isEmpty();
    }
}
