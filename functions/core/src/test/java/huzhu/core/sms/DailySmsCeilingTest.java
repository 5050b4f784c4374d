package huzhu.core.sms;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.kernel.Language;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DailySmsCeilingTest {
    private static final String VOLUNTEER = phone(11);
    private static final String STRANGER = phone(99);

    private static final SmsComposer COMPOSER = new SmsComposer(null);

    private final RecordingMessenger sent = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final DailySmsCeiling ceiling = new DailySmsCeiling(sent, new InMemoryStore().idempotency(),
            Set.of(VOLUNTEER)::contains, clock, 3);

    /** An SMS told apart by its label, carried as the incident code of a catalogue template. */
    private static OutboundSms sms(String to, String label, String incidentId) {
        return new OutboundSms(to, COMPOSER.render(Language.ZH_CN, "standDown", Map.of("code", label)), incidentId);
    }

    private List<String> labelsSent() {
        return sent.sent().stream().map(a -> a.sms().sms().variables().get("code")).toList();
    }

    @Test
    void aBatchThatCrossesTheCeiling_sendsWhatFits_andBeyondItOnlyIncidentSmsToTheUnionsPeople() {
        // given
        ceiling.send(sms(STRANGER, "a", null));

        // when
        List<SendResult> results = ceiling.sendAll(List.of(
                sms(STRANGER, "b", null),               // 2: within
                sms(STRANGER, "c", "i-1"),              // 3: within
                sms(STRANGER, "d", "i-1"),              // 4: over, not the union's
                sms(VOLUNTEER, "e", null),              // 5: over, not about an incident
                sms(VOLUNTEER, "f", "i-1")));           // 6: over, an alert to a volunteer

        // then
        assertThat(results).extracting(SendResult::ok).containsExactly(true, true, false, false, true);
        assertThat(results.get(2).failureReason()).isEqualTo(DailySmsCeiling.REASON);
        assertThat(results.get(2).permanent()).isTrue();
        assertThat(labelsSent()).containsExactly("a", "b", "c", "f");
    }

    @Test
    void incidentSms_areSentBeforeTheyAreCounted_untilThisContainerHasSeenTheCeilingReached() {
        // given: another container used up the day's three SMS
        InMemoryStore store = new InMemoryStore();
        DailySmsCeiling other = new DailySmsCeiling(new RecordingMessenger(), store.idempotency(), phone -> false,
                clock, 3);
        DailySmsCeiling mine = new DailySmsCeiling(sent, store.idempotency(), Set.of(VOLUNTEER)::contains, clock, 3);
        for (int i = 0; i < 3; i++) other.send(sms(STRANGER, "x", null));

        // when: this container's first batch of incident SMS, then its next one
        SendResult firstBatch = mine.send(sms(STRANGER, "rcpt", "i-1"));
        SendResult nextBatch = mine.send(sms(STRANGER, "relay", "i-1"));
        SendResult alert = mine.send(sms(VOLUNTEER, "alert", "i-2"));

        // then: the first went out (no wait for the count), and taught it the ceiling was reached
        assertThat(firstBatch.ok()).isTrue();
        assertThat(nextBatch.ok()).isFalse();
        assertThat(alert.ok()).isTrue();
        assertThat(labelsSent()).containsExactly("rcpt", "alert");
    }

    @Test
    void nothingIsCountedForAnEmptyBatch() {
        assertThat(ceiling.sendAll(List.of())).isEmpty();
        for (int i = 0; i < 3; i++) assertThat(ceiling.send(sms(STRANGER, "x", null)).ok()).isTrue();
    }

    @Test
    void theLimits_areReadFromTheEnvironment_andABadValueFailsAtInit_namingIt() {
        // when
        SmsLimits limits = SmsLimits.from(Map.of(SmsLimits.DAILY_SMS_LIMIT, "500", SmsLimits.RELAY_CAP, " 7 ",
                SmsLimits.UNVERIFIED_PER_HOUR, ""));

        // then
        assertThat(limits).isEqualTo(new SmsLimits(7, 5, 10, 1, 500));
        assertThat(SmsLimits.from(Map.of())).isEqualTo(SmsLimits.DEFAULTS);
        assertThatThrownBy(() -> SmsLimits.from(Map.of(SmsLimits.UNVERIFIED_RELAY_CAP, "0")))
                .hasMessageContaining(SmsLimits.UNVERIFIED_RELAY_CAP);
        assertThatThrownBy(() -> SmsLimits.from(Map.of(SmsLimits.DAILY_SMS_LIMIT, "lots")))
                .hasMessageContaining(SmsLimits.DAILY_SMS_LIMIT);
    }

    @Test
    void beyondTheCeiling_anIncidentSmsToANumberOnRecord_goesOutWithoutAskingWhoseNumberItIs() {
        // given: the day's one SMS went, this container has seen the ceiling reached, and the directory must not be asked
        List<String> asked = new CopyOnWriteArrayList<>();
        DailySmsCeiling ceiling = new DailySmsCeiling(sent, new InMemoryStore().idempotency(), phone -> {
            asked.add(phone);
            return true;
        }, clock, 1);
        ceiling.send(sms(STRANGER, "a", null));
        assertThat(ceiling.send(sms(STRANGER, "held back", null)).ok()).isFalse();

        // when: an alert to a volunteer's number, taken from the volunteer's record
        SendResult alert = ceiling.send(OutboundSms.onRecord(VOLUNTEER,
                COMPOSER.render(Language.ZH_CN, "standDown", Map.of("code", "alert")), "i-1"));

        // then
        assertThat(alert.ok()).isTrue();
        assertThat(asked).isEmpty();
        assertThat(labelsSent()).containsExactly("a", "alert");
    }

    @Test
    void beyondTheCeiling_theNumbersOfOneBatch_areLookedUpTogether_notOneAfterAnother() {
        // given: the ceiling reached, and each lookup answers "the union's" only once all three are under way (a latch)
        CountDownLatch allAsked = new CountDownLatch(3);
        DailySmsCeiling ceiling = new DailySmsCeiling(sent, new InMemoryStore().idempotency(), phone -> {
            allAsked.countDown();
            try {
                return allAsked.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, clock, 1);
        ceiling.send(sms(STRANGER, "a", null));
        assertThat(ceiling.send(sms(STRANGER, "held back", null)).ok()).isFalse();

        // when: relays to three family phones typed in by an unverified reporter
        List<SendResult> results = ceiling.sendAll(List.of(sms(phone(21), "x", "i-1"), sms(phone(22), "y", "i-1"),
                sms(phone(23), "z", "i-1")));

        // then
        assertThat(results).extracting(SendResult::ok).containsExactly(true, true, true);
        assertThat(labelsSent()).containsExactly("a", "x", "y", "z");
    }
}
