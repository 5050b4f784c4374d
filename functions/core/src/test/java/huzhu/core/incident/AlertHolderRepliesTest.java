package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whoever holds an outstanding alert is answered about that alert: never the stranger's text, never silence. */
class AlertHolderRepliesTest {
    private static final String STRANGERS_TEXT = "紧急求助请发送";

    private World world;
    private Member member;
    private Member neighbour;
    private Volunteer liNa;
    private Volunteer zhangWei;

    @BeforeEach
    void aUnionInTangshan() {
        world = new World();
        member = world.add(Fixtures.wangXiaoming().home("唐山", "路北区").build());
        neighbour = world.add(Fixtures.member("m-2").name("陈刚").phone(phone(3)).home("唐山", "路北区").build());
        liNa = world.add(Fixtures.liNa().area("唐山", "路北区").maxActive(3)
                .build());
        zhangWei = world.add(Fixtures.zhangWei().area("唐山", "路北区").maxActive(3)
                .build());
        world.add(Fixtures.officerLiu().build());
    }

    private Incident open() {
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.messenger.clear();
        return incident;
    }

    @Test
    void plainAgreement_fromAnAlertHolder_accepts_insteadOfGettingTheStrangersText() {
        // given
        Incident incident = open();

        // when
        Handled handled = world.sms(liNa.phone(), "好的");

        // then
        assertThat(handled).isEqualTo(Handled.REPLY);
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::recipientId).containsExactly("v-1");
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "回复2").doesNotContain(STRANGERS_TEXT);
        assertThat(world.messenger.bodiesTo(phone(2))).singleElement().asString().contains("李娜");
    }

    @ParameterizedTest
    @ValueSource(strings = {"好的，马上到", "收到马上去", "OK", "ok!", "👌", "👍", "ＯＫ", "行", "可以", "马上到", "好的，馬上到"})
    void everydayAgreement_accepts(String body) {
        // given
        Incident incident = open();

        // when
        world.sms(liNa.phone(), body);

        // then
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::recipientId).containsExactly("v-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"不好意思去不了", "去不了", "不行", "没空", "在外地", "我去不了", "沒空"})
    void everydayRefusal_declines_andIsConfirmed(String body) {
        // given
        Incident incident = open();

        // when
        world.sms(liNa.phone(), body);

        // then
        assertThat(world.alert(incident.id(), "v-1").status()).isEqualTo(AlertStatus.DECLINED);
        assertThat(world.incident(incident.id()).responders()).isEmpty();
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "无法前往");
    }

    @Test
    void anUnclearReply_getsOneQuestion_namingTheCodeAndTheTwoAnswers_andIsKeptOnTheTimeline() {
        // given
        Incident incident = open();

        // when
        Handled handled = world.sms(liNa.phone(), "好累，在哪？");

        // then
        assertThat(handled).isEqualTo(Handled.REPLY);
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains("回复1接单" + incident.code() + "，0无法前往").doesNotContain(STRANGERS_TEXT);
        Incident now = world.incident(incident.id());
        assertThat(now.responders()).isEmpty();
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(now.timeline()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("reply");
            assertThat(e.text()).contains("好累，在哪？");
            assertThat(e.actor()).isEqualTo("李娜");
        });
    }

    @Test
    void theQuestion_isAskedOncePerAlert_laterUnclearRepliesAreStillAnsweredAboutIt_andKept() {
        // given
        Incident incident = open();
        world.sms(liNa.phone(), "在哪？");

        // when
        world.sms(liNa.phone(), "什么情况");
        world.sms(liNa.phone(), "喂");

        // then
        List<String> toLiNa = world.messenger.bodiesTo(liNa.phone());
        assertThat(toLiNa).hasSize(3).allSatisfy(b -> assertThat(b).contains(incident.code())
                .doesNotContain(STRANGERS_TEXT));
        assertThat(toLiNa).filteredOn(b -> b.contains("回复1接单")).hasSize(1);
        assertThat(world.incident(incident.id()).timeline()).filteredOn(e -> e.kind().equals("reply")).hasSize(3);
    }

    @Test
    void aPlainAnswer_afterTheQuestion_isUnderstood() {
        // given
        Incident incident = open();
        world.sms(liNa.phone(), "在哪？");

        // when
        world.sms(liNa.phone(), "1");

        // then
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::recipientId).containsExactly("v-1");
    }

    @Test
    void anUnclearReply_fromTheResponder_asksForArrivedOrDone() {
        // given
        Incident incident = open();
        world.sms(liNa.phone(), "1");
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "路上堵车");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "回复2", "回复9").doesNotContain("回复1接单");
    }

    @Test
    void anyReply_afterSomeoneElseTookIt_isToldWhoTookIt() {
        // given
        Incident incident = open();
        world.sms(zhangWei.phone(), "马上到");
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "我也可以去，要帮忙吗");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "张伟", "无需前往");
    }

    @Test
    void aCodeInAnUnclearReply_picksThatIncidentsAlert() {
        // given: 李娜 holds alerts for two incidents, the neighbour's the newer
        Incident first = open();
        world.later(10);
        world.openFor(neighbour, neighbour.phone(), null);
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), first.code() + " 地址在哪");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains("回复1接单" + first.code());
        assertThat(world.incident(first.id()).timeline()).last().extracting(TimelineEntry::kind).isEqualTo("reply");
    }

    @ParameterizedTest
    @ValueSource(strings = {"好的", "好累", "好久不见", "在哪？", "不好意思去不了", "到了", "完成了", "？", "👍", "哈哈", "你好", "10分钟到",
            "可以吗？", "行不行", "1", "0", "2", "9"})
    void everyText_fromAnAlertHolder_isAnsweredAboutThatAlert_neverWithTheStrangersText(String body) {
        // given
        Incident incident = open();

        // when
        Handled handled = world.sms(liNa.phone(), body);

        // then
        assertThat(handled).isEqualTo(Handled.REPLY);
        assertThat(world.messenger.bodiesTo(liNa.phone())).isNotEmpty()
                .allSatisfy(b -> assertThat(b).contains(incident.code()).doesNotContain(STRANGERS_TEXT));
    }

    @Test
    void anAlertHolderWhoIsAlsoFamily_reportingTheirOwnEmergency_opensIt_ratherThanBeingAskedAboutTheAlert() {
        // given: 李娜 is the neighbour's daughter, and is alerted for the member's incident
        world.memory.directory().members().update(Fixtures.member("m-2").name("陈刚").phone(phone(3))
                .home("唐山", "路北区").family("李娜", "女儿", liNa.phone()).version(2).build());
        open();

        // when
        Handled handled = world.sms(liNa.phone(), "我爸晕倒了，快来人");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
        assertThat(world.allIncidents()).extracting(Incident::memberId).contains("m-2");
    }

    @Test
    void anAcceptedReplyToAnAlert_stillWorksWithTheCommandWords() {
        // given
        Incident incident = open();

        // when
        world.sms(liNa.phone(), "接");
        world.dispatcher().respond(incident.id(), "v-1", Action.ARRIVED);

        // then
        assertThat(world.incident(incident.id()).responder("v-1").orElseThrow().arrivedAt()).isNotNull();
    }
}
