package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.directory.Member;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts go out at least once: the intent is stored before the SMS is sent, and the sweep sends again what
 * was lost (the process died between the two) or failed for a while, until it is sent or marked a permanent
 * failure.
 */
class OutboxTest {
    private static final String LI_NA = phone(11);
    private static final String ZHANG_WEI = phone(12);

    private World world;
    private Member member;

    @BeforeEach
    void aMemberWithTwoNeighbours() {
        world = new World();
        member = world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).build());
        world.add(Fixtures.volunteer("v-1").name("李娜").phone(LI_NA).build());
        world.add(Fixtures.volunteer("v-2").name("张伟").phone(ZHANG_WEI).build());
    }

    @Test
    void anIntentWhoseSenderDied_isSentByTheSweep_afterTheLease_once() {
        // given: the process dies after storing the intents, before any SMS went out
        Dispatcher dying = dyingDispatcher();
        String id = "inc-crash";
        assertThatThrownBy(() -> dying.open(newIncident(id))).isInstanceOf(IllegalStateException.class);
        assertThat(world.incident(id).alerts()).hasSize(2).allMatch(Alert::unsent);

        // when: a sweep within the lease leaves it alone, the first one after it sends
        world.later(5);
        world.dispatcher().escalateDue();
        assertThat(world.messenger.sentTo(LI_NA)).isEmpty();
        world.clock.advance(LevelPlanner.SEND_LEASE);
        world.dispatcher().escalateDue();
        world.dispatcher().escalateDue();

        // then
        assertThat(world.messenger.sentTo(LI_NA)).hasSize(1);
        assertThat(world.messenger.sentTo(ZHANG_WEI)).hasSize(1);
        assertThat(world.incident(id).alerts()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.SENT);
            assertThat(a.sentAt()).isNotNull();
            assertThat(a.messageId()).isNotNull();
            assertThat(a.pending()).isFalse();
            assertThat(a.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aTransientFailure_isRetriedWithBackoff_untilSent() {
        // given
        world.messenger.failTransiently(LI_NA, 2);
        Incident incident = world.openFor(member, member.phone(), null);
        Alert failed = world.alert(incident.id(), "v-1");
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.permanent()).isFalse();
        assertThat(failed.retryAt()).isEqualTo(world.clock.instant().plus(AlertDelivery.backoff(1)));

        // when: the sweep before the back-off does nothing, after it tries again (fails), then again (sent)
        world.later(10);
        world.dispatcher().escalateDue();
        assertThat(world.messenger.attempts()).filteredOn(a -> a.to().equals(LI_NA)).hasSize(1);
        world.clock.advance(AlertDelivery.backoff(1));
        world.dispatcher().escalateDue();
        world.clock.advance(AlertDelivery.backoff(2));
        world.dispatcher().escalateDue();

        // then
        Alert sent = world.alert(incident.id(), "v-1");
        assertThat(world.messenger.attempts()).filteredOn(a -> a.to().equals(LI_NA)).hasSize(3);
        assertThat(world.messenger.sentTo(LI_NA)).hasSize(1);
        assertThat(sent.status()).isEqualTo(AlertStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.pending()).isFalse();
        assertThat(world.incident(incident.id()).timeline()).filteredOn(e -> e.kind().equals("send-failed"))
                .hasSize(2);
    }

    @Test
    void aPermanentFailure_isMarkedSo_andNeverRetried() {
        // given
        world.messenger.failPermanently(LI_NA);
        Incident incident = world.openFor(member, member.phone(), null);

        // when
        world.clock.advance(Duration.ofHours(1));
        world.dispatcher().resendDue();

        // then
        Alert alert = world.alert(incident.id(), "v-1");
        assertThat(alert.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(alert.permanent()).isTrue();
        assertThat(alert.pending()).isFalse();
        assertThat(alert.failureReason()).contains("permanent");
        assertThat(world.messenger.attempts()).filteredOn(a -> a.to().equals(LI_NA)).hasSize(1);
    }

    @Test
    void aFailureThatKeepsComingBack_becomesPermanent_afterTheLastAttempt() {
        // given
        world.messenger.failTransiently(LI_NA);
        world.messenger.failTransiently(ZHANG_WEI);
        Incident incident = world.openFor(member, member.phone(), null);

        // when: many sweeps, far apart
        for (int i = 0; i < 20; i++) {
            world.clock.advance(Duration.ofMinutes(30));
            world.dispatcher().resendDue();
        }

        // then
        Alert alert = world.alert(incident.id(), "v-1");
        assertThat(alert.permanent()).isTrue();
        assertThat(alert.attempts()).isEqualTo(AlertDelivery.MAX_SEND_ATTEMPTS);
        assertThat(world.messenger.attempts()).filteredOn(a -> a.to().equals(LI_NA))
                .hasSize(AlertDelivery.MAX_SEND_ATTEMPTS);
        assertThat(world.incident(incident.id()).timeline()).filteredOn(e -> e.kind().equals("send-failed"))
                .last().satisfies(e -> assertThat(e.text()).contains("不再重试"));
    }

    @Test
    void onceSomeoneAccepts_failedAlertsAreNoLongerRetried() {
        // given
        world.messenger.failTransiently(ZHANG_WEI);
        Incident incident = world.openFor(member, member.phone(), null);

        // when
        world.dispatcher().respond(incident.id(), "v-1", Action.ACCEPT);
        world.clock.advance(Duration.ofHours(1));
        int resent = world.dispatcher().resendDue();

        // then
        assertThat(resent).isZero();
        Alert zhang = world.alert(incident.id(), "v-2");
        assertThat(zhang.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(zhang.pending()).isFalse();
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    @Test
    void whoAcceptsWhileTheirOwnAlertIsStillUnsent_staysTheAcceptedResponder() {
        // given: the intents are stored, the process dies before sending; 李娜 answers by code all the same
        Dispatcher dying = dyingDispatcher();
        assertThatThrownBy(() -> dying.open(newIncident("inc-early"))).isInstanceOf(IllegalStateException.class);

        // when
        world.dispatcher().respond("inc-early", "v-1", Action.ACCEPT);

        // then
        assertThat(world.alert("inc-early", "v-1").status()).isEqualTo(AlertStatus.ACCEPTED);
        assertThat(world.alert("inc-early", "v-2").status()).isEqualTo(AlertStatus.STOOD_DOWN);
        assertThat(world.incident("inc-early").alerts()).noneMatch(Alert::pending);
    }

    @Test
    void aSendWhoseResultCouldNotBeRecorded_isSentAgain_atLeastOnce() {
        // given: the SMS goes out, then the store refuses the write that records it
        world.messenger.failTransiently(LI_NA, 1);
        Incident incident = world.openFor(member, member.phone(), null);
        world.clock.advance(AlertDelivery.backoff(1));
        world.store.afterNextUpdate(() -> world.store.beforeNextUpdate(() -> {
            throw new DependencyFailure("DynamoDB throttled (test)", null);
        }));

        // when
        assertThatThrownBy(() -> world.dispatcher().resendDue()).isInstanceOf(DependencyFailure.class);
        world.clock.advance(LevelPlanner.SEND_LEASE);
        world.dispatcher().resendDue();

        // then: the SMS went out twice (the first result was lost), and the second one is on record
        assertThat(world.messenger.sentTo(LI_NA)).hasSize(2);
        Alert recorded = world.alert(incident.id(), "v-1");
        assertThat(recorded.status()).isEqualTo(AlertStatus.SENT);
        assertThat(recorded.messageId()).isEqualTo(world.messenger.sentTo(LI_NA).get(1).messageId());
    }

    /** The world's dispatcher in a process that is killed as it sends its first SMS, after storing the intents. */
    private Dispatcher dyingDispatcher() {
        return new Dispatcher(world.store.incidents(), world.store.directory(), world.store.settings(),
                world.store.holds(), world.store.surges(), world.store.audit(), sms -> {
            throw new IllegalStateException("the function was killed (test)");
        }, (l, s, t) -> { }, world.timer, world.clock, world.ids, World.CONFIG);
    }

    private static Dispatcher.NewIncident newIncident(String id) {
        return new Dispatcher.NewIncident(id, "m-1", huzhu.core.incident.IncidentType.MEDICAL, "父亲胸口疼", null,
                new huzhu.core.incident.Reporter(phone(1), null, huzhu.core.incident.Channel.HTTP, true),
                huzhu.core.kernel.Language.ZH_CN);
    }
}
