package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.group.GroupFact;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingGroup;
import huzhu.core.testing.World;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plain facts the union's group chats are told of an incident, and when: never before its SMS. */
class WorkGroupNewsTest {
    private World world;
    private Member member;
    private Volunteer neighbour;

    @BeforeEach
    void aMemberInLubei_aNeighbour_andTwoLevelsOfLeaders() {
        world = new World();
        member = world.add(Fixtures.wangXiaoming().home("唐山", "路北区").build());
        neighbour = world.add(Fixtures.liNa().area("唐山", "路北区").build());
        world.add(Fixtures.officerLiu().build());
        world.add(Fixtures.chairZhang().build());
    }

    @Test
    void anOpenedIncident_isToldAsItsCodeAndDistrict_only() {
        // when
        Incident incident = world.openFor(member, phone(2), "王建国");

        // then
        assertThat(world.group.facts()).containsExactly(
                new GroupFact.IncidentOpened(incident.id(), incident.code(), "路北区"));
    }

    @Test
    void anAccept_isToldWithTheMinutesItTook_afterTheSmsItCaused() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(240);
        int smsBefore = world.messenger.attempts().size();

        // when
        world.dispatcher().respond(incident.id(), neighbour.id(), Action.ACCEPT);

        // then
        RecordingGroup.Heard accepted = world.group.heard().get(1);
        assertThat(accepted.fact()).isEqualTo(new GroupFact.IncidentAccepted(incident.id(), incident.code(), "路北区",
                Duration.ofSeconds(240)));
        // the responder's details and the family's "who is coming" went out first
        assertThat(accepted.smsSentBefore()).isGreaterThanOrEqualTo(smsBefore + 2);
    }

    @Test
    void anOfficerHandingItToANamedVolunteer_isToldAsAnAccept_afterTheSms_butAReassignmentIsNoNews() {
        // given nobody answered for five minutes; the officer reached 赵敏 by phone
        Volunteer zhao = world.add(Fixtures.volunteer("v-2").name("赵敏").phone(phone(12)).area("唐山", "路南区").build());
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(300);
        int smsBefore = world.messenger.attempts().size();

        // when
        world.services.incidents().assign(incident.id(), zhao.id(), new huzhu.core.kernel.Actor("u-1", "刘干事"));
        world.services.incidents().assign(incident.id(), neighbour.id(), new huzhu.core.kernel.Actor("u-1", "刘干事"));

        // then the group knows it is in hand, once, and after the volunteer and the family had their SMS
        assertThat(world.group.facts(GroupFact.IncidentAccepted.class)).containsExactly(
                new GroupFact.IncidentAccepted(incident.id(), incident.code(), "路北区", Duration.ofSeconds(300)));
        RecordingGroup.Heard accepted = world.group.heard().stream()
                .filter(h -> h.fact() instanceof GroupFact.IncidentAccepted).findFirst().orElseThrow();
        assertThat(accepted.smsSentBefore()).isGreaterThanOrEqualTo(smsBefore + 2);
    }

    @Test
    void anOfficerTakingItInHand_isToldWithTheMinutesItWaited_once_afterTheFamilysAndStandDownSms() {
        // given nobody answered for four minutes
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(240);
        int smsBefore = world.messenger.attempts().size();

        // when the officer takes it in hand, and clicks again
        world.dispatcher().acknowledge(incident.id(), "刘干事");
        world.dispatcher().acknowledge(incident.id(), "刘干事");

        // then the group knows it is in hand, with no name: the code, the district, the wait
        assertThat(world.group.facts(GroupFact.IncidentTakenInHand.class)).containsExactly(
                new GroupFact.IncidentTakenInHand(incident.id(), incident.code(), "路北区", Duration.ofSeconds(240)));
        RecordingGroup.Heard taken = world.group.heard().get(world.group.heard().size() - 1);
        assertThat(taken.fact()).isInstanceOf(GroupFact.IncidentTakenInHand.class);
        // the family was told and the alerted volunteer stood down first
        assertThat(taken.smsSentBefore()).isGreaterThanOrEqualTo(smsBefore + 2)
                .isEqualTo(world.messenger.attempts().size());
    }

    @Test
    void aDeathOpenedAsAnIncident_andTakenInHand_isNoLineOfTheWorkGroup() {
        // given
        Incident death = world.dispatcher().open(new Dispatcher.NewIncident(null, member.id(), IncidentType.BEREAVEMENT,
                "父亲去世", null, new Reporter(phone(2), "王建国", Channel.HTTP, true), null));

        // when
        world.dispatcher().acknowledge(death.id(), "刘干事");

        // then
        assertThat(world.group.facts(GroupFact.IncidentTakenInHand.class)).isEmpty();
    }

    @Test
    void nobodyAccepting_tellsOfTheEscalation_andGivesTheLeadersGroupItsSummary() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(180);

        // when
        world.dispatcher().escalateDue();

        // then
        assertThat(world.group.facts(GroupFact.IncidentEscalated.class)).containsExactly(
                new GroupFact.IncidentEscalated(incident.id(), incident.code(), "路北区", 1));
        assertThat(world.group.facts(GroupFact.LeadersAlerted.class)).containsExactly(
                new GroupFact.LeadersAlerted(incident.id(), incident.code(), "路北区", "medical", 1,
                        Duration.ofSeconds(180)));
    }

    @Test
    void anOfficerResolvingOrCancelling_isTold_afterTheStandDownSms() {
        // given
        Incident first = world.openFor(member, phone(2), "王建国");
        world.dispatcher().resolve(first.id(), "家属已送医", null, "刘干事");
        Member other = world.add(Fixtures.member("m-2").name("赵六").phone(phone(3)).home("唐山", "开平区").build());
        Incident second = world.openFor(other, phone(3), "赵六");

        // when
        world.dispatcher().cancel(second.id(), "误报", "刘干事");

        // then
        assertThat(world.group.facts(GroupFact.IncidentResolved.class)).containsExactly(
                new GroupFact.IncidentResolved(first.id(), first.code(), "路北区"));
        assertThat(world.group.facts(GroupFact.IncidentCancelled.class)).containsExactly(
                new GroupFact.IncidentCancelled(second.id(), second.code(), "开平区"));
        RecordingGroup.Heard cancelled = world.group.heard().get(world.group.heard().size() - 1);
        assertThat(cancelled.smsSentBefore()).isEqualTo(world.messenger.attempts().size());
    }

    @Test
    void aResponderReportingDone_isToldAsResolved() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.dispatcher().respond(incident.id(), neighbour.id(), Action.ACCEPT);

        // when
        world.dispatcher().respond(incident.id(), neighbour.id(), Action.DONE);

        // then
        assertThat(world.group.facts(GroupFact.IncidentResolved.class)).hasSize(1);
    }

    @Test
    void aStrangersIncident_hasNoDistrict() {
        // when
        Incident incident = world.dispatcher().open(new Dispatcher.NewIncident(null, null, IncidentType.OTHER, "救命",
                null, new Reporter(phone(99), null, Channel.SMS, false), null));

        // then
        assertThat(world.group.facts(GroupFact.IncidentOpened.class)).containsExactly(
                new GroupFact.IncidentOpened(incident.id(), incident.code(), ""));
    }

    @Test
    void aGroupThatThrows_stopsNoAlert() {
        // given a group whose adapter breaks its promise never to throw
        World broken = new World();
        Member m = broken.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).home("唐山", "路北区").build());
        Volunteer v = broken.add(Fixtures.liNa().area("唐山", "路北区").build());
        var services = huzhu.core.Services.create(broken.store, broken.messenger, LeaderAnnouncements.NONE,
                fact -> {
                    throw new IllegalStateException("robot down");
                }, EscalationTimer.NONE, broken.clock, broken.ids, World.CONFIG, huzhu.core.Services.Care.QUIET);

        // when
        Incident incident = services.dispatcher().open(new Dispatcher.NewIncident(null, m.id(), IncidentType.MEDICAL,
                "摔倒", null, new Reporter(phone(1), null, Channel.HTTP, true), null));

        // then
        assertThat(broken.messenger.bodiesTo(v.phone())).singleElement().asString().contains(incident.code());
    }
}
