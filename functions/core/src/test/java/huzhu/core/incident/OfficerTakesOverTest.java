package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the board and the people around an incident are told when somebody takes it: a late accept after the
 * policy ran out clears the alarm, and an officer taking it at the console tells the family and stands the
 * alerted down.
 */
class OfficerTakesOverTest {
    private static final String MEMBER_PHONE = phone(1);
    private static final String FATHER = phone(2);

    private World world;
    private Dispatcher dispatcher;
    private Member member;
    private Volunteer liNa;
    private Volunteer zhangWei;
    private Leader officer;

    @BeforeEach
    void aUnionWithTwoNeighboursAndAnOfficer() {
        world = new World();
        dispatcher = world.dispatcher();
        member = world.add(Fixtures.wangXiaoming().address("文三路 100 号").build());
        liNa = world.add(Fixtures.liNa().build());
        zhangWei = world.add(Fixtures.zhangWei().build());
        officer = world.add(Fixtures.officerLiu().build());
    }

    private Incident exhaustedIncident() {
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 60, null))));
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.later(60);
        dispatcher.escalateDue();
        assertThat(world.incident(incident.id()).exhausted()).isTrue();
        return incident;
    }

    @Test
    void aLateAccept_afterThePolicyRanOut_clearsTheCallForOfficersToAct() {
        // given: nobody answered any level in time
        Incident incident = exhaustedIncident();

        // when: a neighbour answers after all
        Dispatcher.Response r = dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);
        world.later(600);
        dispatcher.escalateDue();
        dispatcher.escalateDue();

        // then
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
        Incident now = world.incident(incident.id());
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.exhausted()).as("an accepted incident never needs officers to act by hand").isFalse();
    }

    @Test
    void anOfficerTakingItOver_tellsTheFamily_andStandsTheAlertedDown() {
        // given: two neighbours alerted, nobody answered yet
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.messenger.clear();

        // when
        Incident taken = dispatcher.acknowledge(incident.id(), "刘干事");

        // then the reporter and the member hear that the union's officer has it
        assertThat(taken.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains("刘干事", incident.code(), "120");
        assertThat(world.messenger.bodiesTo(MEMBER_PHONE)).singleElement().asString().contains("刘干事");
        // and each alerted neighbour is told they need not go
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains(incident.code(), "无需前往");
        assertThat(world.messenger.bodiesTo(zhangWei.phone())).singleElement().asString().contains("无需前往");
        assertThat(taken.alerts()).extracting(Alert::status).containsOnly(AlertStatus.STOOD_DOWN);
        assertThat(taken.officerInCharge()).contains("刘干事");
    }

    @Test
    void anOfficerTakingItOverTwice_tellsNobodyTwice() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        dispatcher.acknowledge(incident.id(), "刘干事");
        world.messenger.clear();

        // when
        dispatcher.acknowledge(incident.id(), "刘干事");

        // then
        assertThat(world.messenger.sent()).isEmpty();
    }

    @Test
    void aNeighboursLateYes_afterAnOfficerTookIt_isToldWhoHasIt() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        dispatcher.acknowledge(incident.id(), "刘干事");

        // when
        Dispatcher.Response r = dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);

        // then
        assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_TAKEN);
        assertThat(r.takenBy()).isEqualTo("刘干事");
        assertThat(world.incident(incident.id()).responders()).isEmpty();
    }

    @Test
    void anOfficerTakingAnAcceptedIncident_changesNothing_andTextsNobody() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);
        world.messenger.clear();

        // when
        dispatcher.acknowledge(incident.id(), "刘干事");

        // then
        assertThat(world.messenger.sent()).extracting(Attempt::to).isEmpty();
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::name).containsExactly("李娜");
    }

    @Test
    void theTimeline_isWrittenInEveryLanguage_withoutWireWordsOrLevelZero() {
        // given / when
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.later(180);
        dispatcher.escalateDue();

        // then
        List<TimelineEntry> timeline = world.incident(incident.id()).timeline();
        TimelineEntry opened = timeline.get(0);
        assertThat(opened.text()).startsWith("收到求助（求助链接）").doesNotContain("http");
        assertThat(opened.texts().get("en")).startsWith("Help request received (emergency link)");
        assertThat(timeline).extracting(TimelineEntry::text).noneMatch(t -> t.contains("第0级"));
        assertThat(timeline).filteredOn(e -> e.kind().equals("alerted")).extracting(TimelineEntry::text)
                .containsExactly("首轮（附近队员）：已通知2人", "第1级：已通知1人");
        assertThat(timeline).filteredOn(e -> e.kind().equals("alerted")).extracting(e -> e.texts().get("en"))
                .containsExactly("first round (nearby volunteers): 2 people alerted", "level 1: 1 people alerted");
    }
}
