package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.incident.DutyRosterService.RosterInput;
import huzhu.core.incident.DutyRosterService.ShiftInput;
import huzhu.core.kernel.Actor;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The officers' duty roster: the level's leader on duty is alerted first, and shifts hand over by SMS. */
class DutyRosterTest {
    private static final Actor ADMIN = new Actor("u-1", "陈主席");

    private World world;
    private DutyRosterService roster;
    private Member member;
    private Leader zhou;
    private Leader wu;
    private Leader chair;

    @BeforeEach
    void aUnionWithTwoLevel1Officers_andNoVolunteers() {
        world = new World();
        roster = world.services.roster();
        member = world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).home("杭州", "西湖区").build());
        zhou = world.add(Fixtures.leader("l-1").name("周干事").phone(phone(21)).level(1).build());
        wu = world.add(Fixtures.leader("l-2").name("吴干事").phone(phone(22)).level(1).build());
        chair = world.add(Fixtures.leader("l-3").name("陈主席").phone(phone(23)).level(2).build());
    }

    private LocalDate today() {
        return DutyRoster.dayOf(world.clock.instant());
    }

    @Test
    void theLevel1OfficerOnDuty_isAlertedFirst_andOnlyThem() {
        // given 吴干事 is on duty this week
        roster.replace(new RosterInput(List.of(new ShiftInput(null, wu.id(), today().toString(),
                today().plusDays(6).toString()))), ADMIN);

        // when nobody nearby: the incident goes to the officers' level at once
        world.openFor(member, phone(2), "王建国");

        // then
        assertThat(world.messenger.bodiesTo(wu.phone())).singleElement().asString().contains("/v1/acks/");
        assertThat(world.messenger.bodiesTo(zhou.phone())).isEmpty();
    }

    @Test
    void withNobodyOnDuty_everyOfficerOfTheLevelIsAlerted_asWithoutARoster() {
        // given a shift that ended last week
        roster.replace(new RosterInput(List.of(new ShiftInput(null, wu.id(), today().minusDays(8).toString(),
                today().minusDays(2).toString()))), ADMIN);

        // when
        world.openFor(member, phone(2), "王建国");

        // then
        assertThat(world.messenger.bodiesTo(wu.phone())).hasSize(1);
        assertThat(world.messenger.bodiesTo(zhou.phone())).hasSize(1);
    }

    @Test
    void aLevelPagedAgain_reachesEveryOfficerOfIt() {
        // given
        roster.replace(new RosterInput(List.of(new ShiftInput(null, wu.id(), today().toString(), today().toString()))),
                ADMIN);
        Incident incident = world.openFor(member, phone(2), "王建国");

        // when
        world.services.incidents().repage(incident.id(), ADMIN);

        // then
        assertThat(world.messenger.bodiesTo(zhou.phone())).hasSize(1);
        assertThat(world.messenger.bodiesTo(wu.phone())).hasSize(2);
    }

    @Test
    void onTheFirstDayOfAShift_theIncomingOfficerIsTold_andTheOutgoingHearsWhoTakesOver_once() {
        // given 周干事 was on duty until yesterday, 吴干事 from today
        roster.replace(new RosterInput(List.of(
                new ShiftInput(null, zhou.id(), today().minusDays(7).toString(), today().minusDays(1).toString()),
                new ShiftInput(null, wu.id(), today().toString(), today().plusDays(6).toString()))), ADMIN);

        // when the sweep runs twice
        int first = roster.handOverDue();
        int second = roster.handOverDue();

        // then
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(world.messenger.bodiesTo(wu.phone())).singleElement().asString().contains("吴干事", "值班",
                today().plusDays(6).toString());
        assertThat(world.messenger.bodiesTo(zhou.phone())).singleElement().asString().contains("吴干事接班");
        assertThat(world.messenger.bodiesTo(chair.phone())).isEmpty();
    }

    @Test
    void aShiftThatEndsBeforeItStarts_orNamesNoLeader_isRefused_andTheOldRosterStays() {
        roster.replace(new RosterInput(List.of(new ShiftInput(null, wu.id(), "2026-03-02", "2026-03-08"))), ADMIN);
        assertThatThrownBy(() -> roster.replace(new RosterInput(List.of(
                new ShiftInput(null, wu.id(), "2026-03-09", "2026-03-01"),
                new ShiftInput(null, "l-404", "2026-03-09", "2026-03-10"))), ADMIN))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsKeys("shifts[0].to", "shifts[1].leaderId"));
        assertThat(roster.roster().shifts()).singleElement().extracting(DutyRoster.Shift::leaderId).isEqualTo(wu.id());
    }
}
