package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the union's leaders hear about an incident that reached them: by SMS and on their topic. */
class LeaderNewsTest {
    private World world;
    private Member member;
    private Volunteer neighbour;
    private Leader officer;
    private Leader chair;

    @BeforeEach
    void aUnionWithOneNeighbourAndTwoLeaders() {
        world = new World();
        member = world.add(Fixtures.wangXiaoming().build());
        neighbour = world.add(Fixtures.liNa().area("杭州", "西湖区").build());
        officer = world.add(Fixtures.officerLiu().build());
        chair = world.add(Fixtures.chairZhang().build());
    }

    @Test
    void aLevelOfVolunteers_isNotAnnouncedToAnyLeader() {
        // when
        world.openFor(member, phone(2), "王建国");

        // then
        assertThat(world.announced).isEmpty();
    }

    @Test
    void reachingTheOfficersLevel_announcesTheSummaryToLevel1Only() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(180);

        // when
        world.dispatcher().escalateDue();

        // then
        assertThat(world.announced).singleElement().asString()
                .startsWith("1: ").contains(incident.code()).contains("王小明");
    }

    @Test
    void anAccept_tellsTheAlertedLeaderWhoTookIt_bySmsAndOnTheirTopic() {
        // given the officer was reached, then the neighbour accepts
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(180);
        world.dispatcher().escalateDue();
        world.messenger.clear();
        world.announced.clear();

        // when
        world.dispatcher().respond(incident.id(), neighbour.id(), Action.ACCEPT);

        // then
        assertThat(world.messenger.bodiesTo(officer.phone())).singleElement().asString()
                .contains(incident.code()).contains("李娜").contains(neighbour.phone());
        assertThat(world.messenger.bodiesTo(chair.phone())).isEmpty();
        assertThat(world.announced).singleElement().asString().startsWith("1: ").contains("李娜");
    }

    @Test
    void resolvingAnIncidentThatReachedLeaders_announcesTheOutcome() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(180);
        world.dispatcher().escalateDue();
        world.announced.clear();

        // when
        world.dispatcher().resolve(incident.id(), "已送医", null, "刘干事");

        // then
        assertThat(world.announced).singleElement().asString().startsWith("1: ").contains("已送医");
    }
}
