package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.World.kinds;
import static huzhu.core.testing.World.recipients;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Services;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Dispatcher.Wake;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation on time, exactly once, never forgotten: the per-deadline timer and its guard, the
 * deadline on every step, the end of the policy, decline by everyone, and alerts spread in a disaster.
 */
class EscalationTest {
    private World world;
    private Dispatcher dispatcher;
    private Member member;
    private Volunteer liNa;
    private Volunteer zhangWei;
    private Leader officer;
    private Leader chair;

    @BeforeEach
    void aUnionInHangzhou() {
        // one incident's escalation at a time: a district's surge (many at once) has its stories in SurgeTest
        world = new World(World.CONFIG.withSurge(new SurgeSettings(1000, Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofMinutes(10))));
        dispatcher = world.dispatcher();
        member = world.add(Fixtures.wangXiaoming().build());
        liNa = world.add(Fixtures.liNa().build());
        zhangWei = world.add(Fixtures.zhangWei().build());
        officer = world.add(Fixtures.officerLiu().build());
        chair = world.add(Fixtures.chairZhang().build());
    }

    private Incident open() {
        return world.openFor(member, phone(2), "王建国");
    }

    // ---------------------------------------------------------------- the timer and its guard

    @Test
    void timer_atItsDeadline_escalatesOnce_andADuplicateOfTheSameMessageDoesNothing() {
        // given
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        world.clock.set(deadline);

        // when
        Wake first = dispatcher.onTimer(incident.id(), 0, deadline);
        Wake duplicate = dispatcher.onTimer(incident.id(), 0, deadline);

        // then
        assertThat(first).isEqualTo(Wake.ESCALATED);
        assertThat(duplicate).isEqualTo(Wake.STALE);
        Incident now = world.incident(incident.id());
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.escalations()).isEqualTo(1);
        assertThat(world.messenger.sentTo(officer.phone())).hasSize(1);
    }

    @Test
    void aLateTimerForAnEarlierLevel_afterTheNextDeadlinePassed_doesNotMoveTheNextLevel() {
        // given: level 0 timed out and the sweep moved it to level 1; level 1's deadline has passed too
        Incident incident = open();
        Instant level0Deadline = incident.nextEscalationAt();
        world.later(180);
        dispatcher.escalateDue();
        world.later(301);

        // when: level 0's timer message arrives very late
        Wake wake = dispatcher.onTimer(incident.id(), 0, level0Deadline);

        // then: only level 1's own timer (or the sweep) may move it
        assertThat(wake).isEqualTo(Wake.STALE);
        assertThat(world.incident(incident.id()).level()).isEqualTo(1);
        assertThat(dispatcher.onTimer(incident.id(), 1, world.incident(incident.id()).nextEscalationAt()))
                .isEqualTo(Wake.ESCALATED);
        assertThat(world.incident(incident.id()).level()).isEqualTo(2);
    }

    @Test
    void aTimerForAnEarlierDeadlineOfTheSameLevel_doesNotRepeatTheLevelAgain() {
        // given: at the last level, after one repeat
        Incident incident = open();
        world.later(180);
        dispatcher.escalateDue();
        world.later(300);
        dispatcher.escalateDue();
        Instant firstDeadlineAtLevel2 = world.incident(incident.id()).nextEscalationAt();
        world.clock.set(firstDeadlineAtLevel2);
        dispatcher.escalateDue();
        assertThat(world.incident(incident.id()).repeats()).isEqualTo(1);
        world.clock.set(world.incident(incident.id()).nextEscalationAt());

        // when: the first deadline's timer comes again while the second deadline is due
        Wake wake = dispatcher.onTimer(incident.id(), 2, firstDeadlineAtLevel2);

        // then
        assertThat(wake).isEqualTo(Wake.STALE);
        assertThat(world.incident(incident.id()).repeats()).isEqualTo(1);
    }

    @Test
    void timer_firingBeforeItsDeadline_isArmedAgainForTheSameDeadline_andChangesNothing() {
        // given: an hour-long level (longer than an SQS delay can hold)
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 3600, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 300, null))));
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        world.wakes.clear();
        world.later(900);

        // when
        Wake wake = dispatcher.onTimer(incident.id(), 0, deadline);

        // then
        assertThat(wake).isEqualTo(Wake.REARMED);
        assertThat(world.wakes).containsExactly(new World.Wake(incident.id(), 0, deadline));
        assertThat(world.incident(incident.id())).isEqualTo(incident);
    }

    @Test
    void timer_afterSomeoneAccepted_doesNothing() {
        // given
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        world.later(60);
        dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);
        world.clock.set(deadline);
        world.messenger.clear();

        // when
        Wake wake = dispatcher.onTimer(incident.id(), 0, deadline);

        // then
        assertThat(wake).isEqualTo(Wake.STALE);
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void timer_forAnIncidentThatDoesNotExist_isStale() {
        assertThat(dispatcher.onTimer("no-such-incident", 0, T0)).isEqualTo(Wake.STALE);
    }

    @Test
    void aDeadlineMatchesToTheMillisecond_whateverPrecisionTheClockHad() {
        // given: a clock with microseconds; a store or a message may keep only milliseconds
        world.clock.set(T0.plusNanos(123_456_789));
        Incident incident = open();
        Instant deadline = incident.nextEscalationAt();
        world.clock.set(deadline.plusMillis(1));

        // when
        Wake wake = dispatcher.onTimer(incident.id(), 0, Instant.ofEpochMilli(deadline.toEpochMilli()));

        // then
        assertThat(wake).isEqualTo(Wake.ESCALATED);
    }

    @Test
    void aTimerThatCannotBeSet_neverFailsTheAlert_theSweepStillEscalates() {
        // given: a timer whose queue is down
        Services broken = Services.create(world.memory, world.messenger, (id, level, deadline) -> {
            throw new IllegalStateException("SQS unavailable (test)");
        }, world.clock, world.ids, World.CONFIG);

        // when
        Incident incident = broken.dispatcher().open(new Dispatcher.NewIncident(null, member.id(),
                huzhu.core.incident.IncidentType.MEDICAL, "胸口疼", null,
                new huzhu.core.incident.Reporter(phone(2), null, huzhu.core.incident.Channel.HTTP, true), null));

        // then: the neighbours were alerted, and the sweep moves it on at the deadline
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains(incident.code());
        world.clock.set(incident.nextEscalationAt());
        assertThat(broken.dispatcher().escalateDue()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the deadline on every step

    @Test
    void everyStepADeadlineCaused_recordsTheDeadlineAndTheActualTime() {
        // given: one level, repeated once
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 60, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 60, 1))));
        Incident incident = open();

        // when: each deadline is met a little late
        world.clock.set(world.incident(incident.id()).nextEscalationAt().plusMillis(250));
        dispatcher.escalateDue();
        world.clock.set(world.incident(incident.id()).nextEscalationAt().plusMillis(1200));
        dispatcher.escalateDue();
        world.clock.set(world.incident(incident.id()).nextEscalationAt().plusMillis(40));
        dispatcher.escalateDue();

        // then
        List<TimelineEntry> steps = world.incident(incident.id()).timeline().stream()
                .filter(e -> e.deadline() != null).toList();
        assertThat(steps).extracting(TimelineEntry::kind).containsExactly("escalated", "repeated", "exhausted");
        assertThat(steps).extracting(e -> e.lateness().toMillis()).containsExactly(250L, 1200L, 40L);
        assertThat(steps).extracting(TimelineEntry::text)
                .allSatisfy(t -> assertThat(t).contains("截止").contains("实际"));
    }

    @Test
    void anOfficersEscalation_isNotADeadline_andCarriesNone() {
        // given
        Incident incident = open();

        // when
        dispatcher.escalateNow(incident.id(), "刘干事");

        // then
        assertThat(world.incident(incident.id()).timeline()).extracting(TimelineEntry::deadline).containsOnlyNulls();
    }

    // ---------------------------------------------------------------- the end of the policy

    @Test
    void exhaustion_leavesTheIncidentOpen_needingAttention_andTellsTheLevel1OfficersOnce() {
        // given: the default policy run to its end (2 levels, then 3 repeats of the last)
        Incident incident = open();
        for (int step = 0; step < 5; step++) {
            world.clock.set(world.incident(incident.id()).nextEscalationAt());
            dispatcher.escalateDue();
        }
        assertThat(world.incident(incident.id()).exhausted()).isFalse();

        // when: the last deadline passes, and later checks and timers come again
        Instant lastDeadline = world.incident(incident.id()).nextEscalationAt();
        world.clock.set(lastDeadline);
        dispatcher.escalateDue();
        world.later(3600);
        dispatcher.escalateDue();
        dispatcher.onTimer(incident.id(), 2, lastDeadline);

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(now.exhausted()).isTrue();
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(world.messenger.bodiesTo(officer.phone())).filteredOn(b -> b.contains("请立即人工处理"))
                .singleElement().asString().contains(incident.code());
        assertThat(world.messenger.bodiesTo(chair.phone())).noneMatch(b -> b.contains("请立即人工处理"));
    }

    @Test
    void exhaustion_whenNobodyCanBeReachedAtAll_stillTellsTheOfficersOnce() {
        // given: every alert fails; only the exhaustion notice gets through to the officer
        for (String p : List.of(liNa.phone(), zhangWei.phone(), chair.phone())) world.messenger.failPermanently(p);
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 180, null),
                new PolicyLevel(1, Notify.LEADERS, null, 2, 300, null))));

        // when
        Incident incident = open();

        // then
        assertThat(world.incident(incident.id()).exhausted()).isTrue();
        assertThat(world.messenger.bodiesTo(officer.phone())).singleElement().asString().contains("请立即人工处理");
    }

    // ---------------------------------------------------------------- decline

    @Test
    void aLevelWhereSomeSendsFailed_andEveryoneReachedDeclined_movesOnAtOnce() {
        // given: 李娜's alert could not be sent, 张伟's went out
        world.messenger.failPermanently(liNa.phone());
        Incident incident = open();
        assertThat(world.alert(incident.id(), liNa.id()).status()).isEqualTo(AlertStatus.FAILED);
        world.later(20);

        // when
        dispatcher.respond(incident.id(), zhangWei.id(), Action.DECLINE);

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.nextEscalationAt()).isEqualTo(T0.plusSeconds(20 + 300));
        assertThat(kinds(now)).contains("move-on");
        assertThat(world.messenger.sentTo(officer.phone())).hasSize(1);
    }

    @Test
    void aLevelWhereOneDeclined_andAnotherHasNotAnswered_keepsWaiting() {
        // given: three neighbours, one send failed
        world.add(Fixtures.volunteer("v-3").name("王芳").phone(phone(13)).build());
        world.messenger.failPermanently(liNa.phone());
        Incident incident = open();

        // when
        dispatcher.respond(incident.id(), zhangWei.id(), Action.DECLINE);

        // then
        assertThat(world.incident(incident.id()).level()).isZero();
        assertThat(world.messenger.sentTo(officer.phone())).isEmpty();
    }

    // ---------------------------------------------------------------- a disaster: many incidents at once

    private Map<String, Integer> alertsPerVolunteer(List<Incident> incidents) {
        Map<String, Integer> counts = new HashMap<>();
        for (Incident i : incidents) {
            for (String v : recipients(world.incident(i.id()), 0)) counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    private List<Incident> openForNeighbours(int count) {
        List<Incident> opened = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Member m = world.add(Fixtures.member("m-n" + n + "-" + world.ids.newId()).home("杭州", "西湖区").build());
            opened.add(world.openFor(m, m.phone(), null));
        }
        return opened;
    }

    @Test
    void manyIncidentsInOneMinute_spreadAcrossTheVolunteers_noneAlertedForMoreThanThree() {
        // given: six volunteers in the district, two alerted per incident
        for (int v = 3; v <= 6; v++) world.add(Fixtures.volunteer("v-" + v).phone(phone(10 + v)).build());
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 2, null, 180, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 300, null))));

        // when: nine neighbours ask for help within the same minute
        List<Incident> incidents = openForNeighbours(9);

        // then: everyone reached, nobody more than three times
        assertThat(incidents).allSatisfy(i -> assertThat(recipients(world.incident(i.id()), 0)).hasSize(2));
        assertThat(alertsPerVolunteer(incidents)).hasSize(6)
                .allSatisfy((v, n) -> assertThat(n).isEqualTo(AlertSpread.MAX_PER_WINDOW));
    }

    @Test
    void whenEveryNeighbourIsBusy_theyAreStillAlerted_ratherThanNobody() {
        // given: the two neighbours already had three alerts each this minute
        List<Incident> earlier = openForNeighbours(3);
        assertThat(alertsPerVolunteer(earlier)).containsOnlyKeys(liNa.id(), zhangWei.id());

        // when
        Incident fourth = openForNeighbours(1).get(0);

        // then
        assertThat(recipients(world.incident(fourth.id()), 0)).containsExactlyInAnyOrder(liNa.id(), zhangWei.id());
    }

    @Test
    void aMinuteLater_aBusyVolunteerIsPreferredAgain() {
        // given
        world.add(Fixtures.volunteer("v-3").phone(phone(13)).build());
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 1, null, 600, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 300, null))));
        openForNeighbours(3);
        Incident fourthNow = openForNeighbours(1).get(0);
        assertThat(recipients(world.incident(fourthNow.id()), 0)).doesNotContain(liNa.id());

        // when
        world.later((int) AlertSpread.WINDOW.toSeconds() + 1);
        Incident later = openForNeighbours(1).get(0);

        // then: 李娜 is nearest by id order again and no longer busy
        assertThat(recipients(world.incident(later.id()), 0)).containsExactly(liNa.id());
    }

    @Test
    void aVolunteerHoldingMaxActiveAcceptedIncidents_isNotAlertedForAnother_evenWhenNobodyElseIsFree() {
        // given: 李娜 accepted one (maxActive 1); 张伟 is off duty
        world.memory.directory().volunteers().update(Fixtures.zhangWei().onDuty(false).version(2).build());
        Incident first = open();
        dispatcher.respond(first.id(), liNa.id(), Action.ACCEPT);

        // when
        Incident second = openForNeighbours(1).get(0);

        // then: nobody nearby is free, so it goes straight to the officers
        assertThat(recipients(world.incident(second.id()), 0)).isEmpty();
        assertThat(world.incident(second.id()).level()).isEqualTo(1);
    }
}
