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
}
