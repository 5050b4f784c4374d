package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The family's side of the conversation while an incident is active: standing down, and help words. */
class FamilyConversationTest {
    private static final String FATHER = phone(2);
    private static final String MEMBER_PHONE = phone(1);

    private World world;
    private Member member;
    private Volunteer liNa;
    private Volunteer zhangWei;

    @BeforeEach
    void aUnionInTangshan() {
        world = new World();
        member = world.add(Fixtures.wangXiaoming().home("唐山", "路北区").build());
        liNa = world.add(Fixtures.liNa().area("唐山", "路北区").build());
        zhangWei = world.add(Fixtures.zhangWei().area("唐山", "路北区").build());
        world.add(Fixtures.officerLiu().build());
    }

    private Incident familyTexts() {
        world.sms(FATHER, "老伴胸口疼");
        Incident incident = world.memory.incidents().active().get(0);
        world.messenger.clear();
        return incident;
    }

    /** The family's incident, which they cancelled with its code a minute ago. */
    private Incident familyCancelledAMinuteAgo() {
        Incident incident = familyTexts();
        world.sms(FATHER, "取消" + incident.code());
        world.later(60);
        return incident;
    }

    // ---------------------------------------------------------------- standing down

    @ParameterizedTest
    @ValueSource(strings = {"不用了", "没事了", "已经去医院了", "取消", "不用了，谢谢", "已經去醫院了", "沒事了"})
    void standDownWords_fromTheFamily_askToConfirmWithTheCode_andCancelNothingYet(String body) {
        // given
        Incident incident = familyTexts();

        // when
        world.sms(FATHER, body);

        // then
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .contains("取消" + incident.code(), "120");
        assertThat(world.incident(incident.id()).timeline()).last()
                .satisfies(e -> assertThat(e.kind()).isEqualTo("standDownAsked"));
    }

    @Test
    void confirmingWithTheCode_cancelsIt_withTheFamilysWords_andEveryoneAlertedIsTold() {
        // given
        Incident incident = familyTexts();
        world.sms(FATHER, "不用了，已经去医院了");
        world.messenger.clear();

        // when
        Handled handled = world.sms(FATHER, "取消" + incident.code());

        // then
        assertThat(handled).isEqualTo(Handled.CANCELLED);
        Incident now = world.incident(incident.id());
        assertThat(now.status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(now.outcome()).contains("不用了，已经去医院了");
        assertThat(now.timeline()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("cancelled");
            assertThat(e.actor()).isEqualTo("王建国");
        });
        for (Volunteer v : List.of(liNa, zhangWei)) {
            assertThat(world.messenger.bodiesTo(v.phone())).singleElement().asString()
                    .contains(incident.code(), "已取消", "无需前往");
        }
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains(incident.code(), "已取消");
        assertThat(world.messenger.bodiesTo(MEMBER_PHONE)).singleElement().asString()
                .contains(incident.code(), "取消", "已经去医院了");
    }

    @Test
    void theResponder_isStoodDownToo_whenTheFamilyCancels() {
        // given
        Incident incident = familyTexts();
        world.sms(liNa.phone(), "马上到");
        world.messenger.clear();

        // when
        world.sms(MEMBER_PHONE, "確認取消 " + incident.code().toLowerCase());

        // then
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("已取消");
    }

    @Test
    void aConfirmationWithAnotherCode_cancelsNothing_andAsksAgainWithTheRightOne() {
        // given
        Incident incident = familyTexts();
        String other = incident.code().equals("A01") ? "A02" : "A01";

        // when
        world.sms(FATHER, "取消" + other);

        // then
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains("取消" + incident.code());
    }

    @Test
    void aStrangerTypingTheCancelWords_cancelsNothing() {
        // given
        Incident incident = familyTexts();

        // when
        world.sms(phone(99), "取消" + incident.code());

        // then
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void afterTheFamilyCancelled_theirThanks_isNoted_andOpensNothing() {
        // given
        Incident incident = familyCancelledAMinuteAgo();
        world.messenger.clear();

        // when
        Handled thanks = world.sms(FATHER, "好的，谢谢");
        Handled again = world.sms(FATHER, "取消" + incident.code());

        // then
        assertThat(thanks).isEqualTo(Handled.NOTED);
        assertThat(again).isEqualTo(Handled.NOTED);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.bodiesTo(FATHER)).hasSize(2)
                .allSatisfy(b -> assertThat(b).contains(incident.code(), "120"));
    }

    @Test
    void afterTheFamilyCancelled_aCallForHelp_opensANewIncident() {
        // given
        familyCancelledAMinuteAgo();

        // when
        Handled handled = world.sms(FATHER, "又晕倒了，快来");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
        assertThat(world.allIncidents()).hasSize(2);
    }

    // ---------------------------------------------------------------- help words in a follow-up

    @Test
    void helpWords_whileNobodyAccepted_areRelayed_flaggedUrgent_andTheOfficersToldAtOnce() {
        // given
        Incident incident = familyTexts();

        // when
        Handled handled = world.sms(FATHER, "又晕倒了，快来");

        // then
        assertThat(handled).isEqualTo(Handled.RELAYED);
        assertThat(world.incident(incident.id()).timeline()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("urgentRelay");
            assertThat(e.text()).contains("紧急", "又晕倒了");
        });
        for (Volunteer v : List.of(liNa, zhangWei)) {
            assertThat(world.messenger.bodiesTo(v.phone())).singleElement().asString()
                    .contains("紧急", incident.code(), "又晕倒了");
        }
        assertThat(world.messenger.bodiesTo(phone(21))).singleElement().asString()
                .contains("紧急", incident.code(), "又晕倒了", "无人接单");
    }

    @Test
    void helpWords_afterSomeoneAccepted_goToTheResponder_flaggedUrgent_withoutWakingTheOfficers() {
        // given
        Incident incident = familyTexts();
        world.sms(liNa.phone(), "1");
        world.messenger.clear();

        // when
        world.sms(FATHER, "人呢？快点");

        // then
        assertThat(world.messenger.sent()).extracting(Attempt::to).containsExactlyInAnyOrder(liNa.phone(), FATHER);
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("紧急", "人呢");
        assertThat(world.incident(incident.id()).timeline()).last().extracting(TimelineEntry::kind)
                .isEqualTo("urgentRelay");
    }

    @Test
    void standDownWords_besideHelpWords_areACallForHelp_notAWishToStandDown() {
        // given
        Incident incident = familyTexts();

        // when
        world.sms(FATHER, "不用了…不对，又晕倒了！");

        // then
        assertThat(world.incident(incident.id()).timeline()).last().extracting(TimelineEntry::kind)
                .isEqualTo("urgentRelay");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().doesNotContain("取消");
    }

    // ---------------------------------------------------------------- a death told in the conversation

    @ParameterizedTest
    @ValueSource(strings = {"老伴已经去世了，不用来了", "老伴走了，不用来了", "没事了，老伴已經過世了"})
    void aDeathTold_whileHelpIsComing_isPassedOn_notTakenForAWishToStandDown(String body) {
        // given
        Incident incident = familyTexts();

        // when
        Handled handled = world.sms(FATHER, body);

        // then: the people coming and the officers read it; nobody asks a grieving family to type a code to cancel
        assertThat(handled).isEqualTo(Handled.RELAYED);
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(world.incident(incident.id()).timeline()).last().extracting(TimelineEntry::kind)
                .isNotEqualTo("standDownAsked");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .doesNotContain("取消" + incident.code());
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains(incident.code(), "老伴");
    }

    @Test
    void afterTheFamilyCancelled_aDeathTold_isRecordedAsABereavement_notNotedOnTheCancelledIncident() {
        // given
        familyCancelledAMinuteAgo();

        // when
        Handled handled = world.sms(FATHER, "没事了，老伴今晚去世了");

        // then
        assertThat(handled).isEqualTo(Handled.BEREAVEMENT);
        assertThat(world.allIncidents()).hasSize(2).extracting(Incident::type).contains(IncidentType.BEREAVEMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"我爸昨晚去世了", "我爸走了"})
    void aVolunteerHoldingAnAlert_whoTellsOfADeathInTheirOwnFamily_isHeardAsFamily_notAskedAboutTheAlert(String body) {
        // given: 李娜 is also a member of the union, and holds an alert for 王小明's family
        world.add(Fixtures.member("m-2").name("李娜").phone(liNa.phone()).home("唐山", "路南区").build());
        Incident incident = familyTexts();

        // when
        Handled handled = world.sms(liNa.phone(), body);

        // then
        assertThat(handled).isEqualTo(Handled.BEREAVEMENT);
        assertThat(world.messenger.bodiesTo(liNa.phone())).noneSatisfy(b -> assertThat(b).contains("没看懂"));
        assertThat(world.incident(incident.id()).alertFor("v-1").orElseThrow().status().outstanding()).isTrue();
        assertThat(world.memory.incidents().active()).anySatisfy(i -> {
            assertThat(i.type()).isEqualTo(IncidentType.BEREAVEMENT);
            assertThat(i.memberId()).isEqualTo("m-2");
        });
    }
}
