package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.World.kinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Conflict;
import huzhu.core.error.Invalid;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Actor;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an officer does for an incident beyond taking it: assign a named volunteer, page a level again, text the family. */
class IncidentActionsTest {
    private static final String FATHER = phone(2);
    private static final Actor OFFICER = new Actor("u-1", "刘干事");

    private World world;
    private IncidentService incidents;
    private Member member;
    private Volunteer liNa;
    private Volunteer zhangWei;
    private Volunteer farAway;
    private Leader officer;

    @BeforeEach
    void aUnion() {
        world = new World();
        incidents = world.services.incidents();
        member = world.add(Fixtures.wangXiaoming().address("文三路 100 号").build());
        liNa = world.add(Fixtures.liNa().build());
        zhangWei = world.add(Fixtures.zhangWei().build());
        farAway = world.add(Fixtures.volunteer("v-9").name("赵敏").phone(phone(19)).area("上海", "徐汇区").build());
        officer = world.add(Fixtures.leader("l-1").name("周干事").phone(phone(21)).level(1).build());
    }

    @Test
    void assigningANamedVolunteer_makesThemTheResponder_tellsTheFamily_andStandsTheOthersDown() {
        // given two neighbours alerted, nobody answered; the officer reached 赵敏 by phone
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.messenger.clear();

        // when
        Incident assigned = incidents.assign(incident.id(), farAway.id(), OFFICER);

        // then
        assertThat(assigned.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(assigned.responders()).extracting(Responder::name).containsExactly("赵敏");
        assertThat(world.messenger.bodiesTo(farAway.phone())).singleElement().asString().contains("文三路 100 号");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains("赵敏", farAway.phone());
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("赵敏", "无需前往");
        assertThat(kinds(assigned)).contains("assigned");
    }

    @Test
    void reassigning_standsTheFormerResponderDown_andHandsItToTheNewOne() {
        // given 李娜 accepted, then could not go on
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.dispatcher().respond(incident.id(), liNa.id(), Action.ACCEPT);
        world.messenger.clear();

        // when
        Incident reassigned = incidents.assign(incident.id(), zhangWei.id(), OFFICER);

        // then
        assertThat(reassigned.responders()).extracting(Responder::name).containsExactly("张伟");
        assertThat(reassigned.alertFor(liNa.id()).orElseThrow().status()).isEqualTo(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("张伟");
        assertThat(reassigned.timeline()).last().extracting(TimelineEntry::text).asString().contains("改派张伟");
    }

    @Test
    void pagingTheLevelAgain_alertsItsPeopleAnew_andRestartsItsDeadline_evenAfterThePolicyRanOut() {
        // given a policy of one level that ran out
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 60, null))));
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.later(60);
        world.dispatcher().escalateDue();
        world.messenger.clear();

        // when
        Incident repaged = incidents.repage(incident.id(), OFFICER);

        // then
        assertThat(repaged.exhausted()).isFalse();
        assertThat(repaged.nextEscalationAt()).isEqualTo(world.clock.instant().plusSeconds(60));
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("/v1/acks/");
        assertThat(world.messenger.bodiesTo(zhangWei.phone())).hasSize(1);
        assertThat(kinds(repaged)).contains("repaged");
    }

    @Test
    void pagingAgain_anIncidentSomeoneHas_isAConflict() {
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.dispatcher().respond(incident.id(), liNa.id(), Action.ACCEPT);
        assertThatThrownBy(() -> incidents.repage(incident.id(), OFFICER)).isInstanceOf(Conflict.class);
    }

    @Test
    void textingTheFamily_sendsTheOfficersWords_andTheirAnswerLandsOnTheTimeline() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.messenger.clear();

        // when
        incidents.message(incident.id(), "139 0000 0002".replace("139 0000 0002", FATHER), "救护车到了吗？请回复", OFFICER);
        world.services.inboundSms().handle(new InboundSmsService.InboundSms(FATHER, "+8610690000", "还没到，老人清醒",
                "in-1", null));

        // then
        assertThat(world.messenger.bodiesTo(FATHER)).first().asString().contains("刘干事", incident.code(), "救护车到了吗");
        List<TimelineEntry> timeline = world.incident(incident.id()).timeline();
        assertThat(timeline).extracting(TimelineEntry::kind).contains("messaged", "relay");
        assertThat(timeline).last().extracting(TimelineEntry::text).asString().contains("还没到，老人清醒");
    }

    @Test
    void textingANumberThatIsNotTheFamilysOrTheReporters_isRefused() {
        Incident incident = world.openFor(member, FATHER, "王建国");
        assertThatThrownBy(() -> incidents.message(incident.id(), phone(77), "你好", OFFICER))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("to"));
        assertThat(world.messenger.bodiesTo(phone(77))).isEmpty();
    }
}
