package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.World.recipients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CONTRACT §5, row by row: every SMS that reaches the union's number. */
class InboundSmsServiceTest {
    private static final String MEMBER_PHONE = phone(1);
    private static final String FATHER = phone(2);
    private static final String STRANGER = phone(99);

    private World world;
    private InboundSmsService inbound;
    private Member member;
    private Member neighbour;
    private Volunteer liNa;
    private Volunteer zhangWei;
    private Leader officer;

    @BeforeEach
    void aUnionInHangzhou() {
        world = new World();
        inbound = world.services.inboundSms();
        member = world.add(Fixtures.wangXiaoming().build());
        neighbour = world.add(Fixtures.member("m-2").name("陈刚").phone(phone(3)).home("杭州", "西湖区").build());
        liNa = world.add(Fixtures.liNa().maxActive(3).build());
        zhangWei = world.add(Fixtures.zhangWei().maxActive(3).build());
        officer = world.add(Fixtures.officerLiu().build());
        world.add(Fixtures.chairZhang().build());
    }

    private Incident openFor(Member m) {
        return world.openFor(m, m.phone(), null);
    }

    private String alertMessageId(Incident incident, Volunteer v) {
        return world.alert(incident.id(), v.id()).messageId();
    }

    // ---------------------------------------------------------------- replies to alerts

    @Test
    void aReplyQuotingAnAlert_answersThatAlert_evenWhenAnotherIsNewer() {
        // given: 李娜 was alerted for two incidents, the neighbour's one later
        Incident first = openFor(member);
        world.later(10);
        Incident newer = openFor(neighbour);

        // when
        Handled handled = world.sms(liNa.phone(), "1", alertMessageId(first, liNa));

        // then
        assertThat(handled).isEqualTo(Handled.REPLY);
        assertThat(world.incident(first.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(world.incident(first.id()).responders()).extracting(Responder::recipientId).containsExactly("v-1");
        assertThat(world.incident(newer.id()).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void aReplyWithACode_answersTheIncidentWithThatCode() {
        // given
        Incident first = openFor(member);
        world.later(10);
        Incident newer = openFor(neighbour);

        // when
        world.sms(liNa.phone(), "1 " + first.code().toLowerCase());

        // then
        assertThat(world.incident(first.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(world.incident(newer.id()).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void aCodeBeforeTheWord_andFullWidthForms_workToo() {
        // given
        Incident first = openFor(member);
        world.later(10);
        openFor(neighbour);

        // when
        world.sms(liNa.phone(), first.code() + " １。");

        // then
        assertThat(world.incident(first.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    @Test
    void aBareReply_answersTheSendersMostRecentOutstandingAlert() {
        // given
        Incident first = openFor(member);
        world.later(10);
        Incident newer = openFor(neighbour);

        // when
        world.sms(liNa.phone(), "收到");

        // then
        assertThat(world.incident(newer.id()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(world.incident(first.id()).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void aQuotedMessageIdThatIsNotTheSenders_fallsBackToTheCode() {
        // given: the quoted id belongs to 张伟's alert, not 李娜's
        Incident first = openFor(member);
        world.later(10);
        Incident newer = openFor(neighbour);

        // when
        world.sms(liNa.phone(), "1 " + first.code(), alertMessageId(newer, zhangWei));

        // then
        assertThat(world.incident(first.id()).responders()).extracting(Responder::recipientId).containsExactly("v-1");
        assertThat(world.incident(newer.id()).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void accepting_bySms_sendsTheResponderTheDetails_andNoSecondConfirmation() {
        // given
        Incident incident = openFor(member);
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "1");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "回复2", "回复9");
    }

    @Test
    void aSecondAcceptBySms_isToldWhoTookIt() {
        // given
        Incident incident = openFor(member);
        world.sms(liNa.phone(), "1");
        world.messenger.clear();

        // when
        world.sms(zhangWei.phone(), "YES");

        // then
        assertThat(world.messenger.bodiesTo(zhangWei.phone())).singleElement().asString()
                .contains(incident.code(), "李娜");
        assertThat(world.incident(incident.id()).responders()).hasSize(1);
    }

    @Test
    void declineArrivedAndDone_bySms_areConfirmed_andDoneResolves() {
        // given
        Incident incident = openFor(member);

        // when
        world.sms(zhangWei.phone(), "不");
        world.sms(liNa.phone(), "接");
        world.sms(liNa.phone(), "到達");
        world.sms(liNa.phone(), "完成");

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.alertFor("v-2").orElseThrow().status()).isEqualTo(AlertStatus.DECLINED);
        assertThat(now.responder("v-1").orElseThrow().arrivedAt()).isNotNull();
        assertThat(now.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(world.messenger.bodiesTo(zhangWei.phone())).first().asString().contains("无法前往");
        assertThat(world.messenger.bodiesTo(liNa.phone())).last().asString().contains(incident.code(), "完成");
    }

    @Test
    void arrivedFromSomeoneWhoHasNotAccepted_isToldToAcceptFirst() {
        // given
        Incident incident = openFor(member);
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "2");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "回复1");
        assertThat(world.incident(incident.id()).responders()).isEmpty();
    }

    @Test
    void aLeader_canAcceptBySms_likeAVolunteer() {
        // given
        Incident incident = openFor(member);
        world.later(180);
        world.dispatcher().escalateDue();

        // when
        Handled handled = world.sms(officer.phone(), "1");

        // then
        assertThat(handled).isEqualTo(Handled.REPLY);
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::recipientId)
                .containsExactly("l-1");
    }

    // ---------------------------------------------------------------- members and their families

    @Test
    void aFamilyContact_opensAVerifiedIncident_andGetsTheReceiptWithCodeAnd120() {
        // when
        Handled handled = world.sms(FATHER, "老伴胸口疼，快来人");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
        Incident incident = world.allIncidents().get(0);
        assertThat(incident.memberId()).isEqualTo("m-1");
        assertThat(incident.reporter()).isEqualTo(new Reporter(FATHER, "王建国", Channel.SMS, true));
        assertThat(incident.type()).isEqualTo(IncidentType.MEDICAL);
        assertThat(incident.message()).isEqualTo("老伴胸口疼，快来人"); // Chinese punctuation stays as written
        assertThat(incident.level()).isZero();
        assertThat(recipients(incident, 0)).containsExactly("v-1", "v-2");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .contains(incident.code(), "120");
        assertThat(world.messenger.bodiesTo(MEMBER_PHONE)).singleElement().asString().contains(incident.code());
    }

    @Test
    void theMemberThemself_opensAVerifiedIncident_inTheirLanguage() {
        // given
        Member english = world.add(Fixtures.member("m-3").name("Tom").phone(phone(4)).language(Language.EN).build());

        // when
        Handled handled = world.sms(english.phone(), "I fell and cannot get up");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
        Incident incident = world.allIncidents().get(0);
        assertThat(incident.reporter()).isEqualTo(new Reporter(english.phone(), "Tom", Channel.SMS, true));
        assertThat(incident.type()).isEqualTo(IncidentType.ACCIDENT);
        assertThat(world.messenger.bodiesTo(english.phone())).singleElement().asString()
                .startsWith("[Huzhu]").contains(incident.code(), "120");
    }

    @Test
    void aSecondMessage_whileTheIncidentIsActive_isAppendedAndPassedOnToItsResponders() {
        // given
        world.sms(FATHER, "老伴胸口疼");
        Incident incident = world.allIncidents().get(0);
        world.sms(liNa.phone(), "1");
        world.messenger.clear();

        // when
        Handled handled = world.sms(FATHER, "在二楼 门没锁");

        // then
        assertThat(handled).isEqualTo(Handled.RELAYED);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.incident(incident.id()).timeline()).last()
                .satisfies(e -> assertThat(e.text()).contains("在二楼 门没锁"));
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "在二楼 门没锁");
        assertThat(world.messenger.bodiesTo(zhangWei.phone())).isEmpty();
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains(incident.code());
    }

    @Test
    void aSecondMessage_beforeAnyoneAccepted_goesToEveryoneStillAlerted() {
        // given
        world.sms(FATHER, "老伴胸口疼");
        world.messenger.clear();

        // when
        world.sms(MEMBER_PHONE, "我已经叫了120");

        // then
        assertThat(world.messenger.sent()).extracting(Attempt::to)
                .containsExactlyInAnyOrder(liNa.phone(), zhangWei.phone(), MEMBER_PHONE);
    }

    @Test
    void aFamilyText_inTheSameInstantAsAPressOfTheLink_isPassedOnToTheEmergencyThePressOpened() {
        // given the press's incident is stored between this text's read of the active incidents and its own write
        Incident[] pressed = new Incident[1];
        world.store.beforeNextCreate(() -> pressed[0] = world.openFor(member, null, null));

        // when
        Handled handled = world.sms(FATHER, "在二楼 门没锁");

        // then one emergency: the volunteers alerted once each, and the father's words passed on to them
        assertThat(handled).isEqualTo(Handled.RELAYED);
        assertThat(world.allIncidents()).extracting(Incident::id).containsExactly(pressed[0].id());
        assertThat(world.incident(pressed[0].id()).timeline()).last()
                .satisfies(e -> assertThat(e.text()).contains("在二楼 门没锁"));
        assertThat(world.messenger.bodiesTo(liNa.phone())).hasSize(2).last().asString()
                .contains(pressed[0].code(), "在二楼 门没锁");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains(pressed[0].code());
    }

    @Test
    void afterTheIncidentIsClosed_theFamilysNextMessage_opensANewOne() {
        // given
        world.sms(FATHER, "老伴胸口疼");
        Incident first = world.allIncidents().get(0);
        world.dispatcher().cancel(first.id(), "误报", "刘干事");
        world.later(3600);

        // when
        Handled handled = world.sms(FATHER, "又不舒服了");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
        assertThat(world.allIncidents()).hasSize(2);
    }

    @Test
    void aFamilyContactReplying1_withoutAnAlert_isTreatedAsAHelpRequest() {
        // when
        Handled handled = world.sms(FATHER, "1");

        // then: anything from the family opens an incident (CONTRACT §5)
        assertThat(handled).isEqualTo(Handled.OPENED);
    }

    // ---------------------------------------------------------------- unknown numbers

    @Test
    void anUnknownNumber_askingForHelp_opensAnUnverifiedIncident_thatStartsWithTheLevel1Leaders() {
        // when
        Handled handled = world.sms(STRANGER, "救命 老伴胸口疼");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED_UNVERIFIED);
        Incident incident = world.allIncidents().get(0);
        assertThat(incident.memberId()).isNull();
        assertThat(incident.reporter()).isEqualTo(new Reporter(STRANGER, null, Channel.SMS, false));
        assertThat(incident.level()).isEqualTo(1);
        assertThat(incident.alerts()).extracting(a -> a.recipientId()).containsExactly("l-1");
        assertThat(world.messenger.sentTo(liNa.phone())).isEmpty();
        assertThat(world.messenger.bodiesTo(officer.phone())).singleElement().asString()
                .contains(incident.code(), STRANGER, "老伴胸口疼", "https://huzhu.example/v1/acks/");
        assertThat(world.messenger.bodiesTo(STRANGER)).singleElement().asString().contains(incident.code(), "120");
    }

    @Test
    void anUnknownNumber_writingHelpInEnglish_getsAnEnglishReceipt() {
        // when
        world.sms(STRANGER, "HELP my father fell");

        // then
        assertThat(world.messenger.bodiesTo(STRANGER)).singleElement().asString()
                .startsWith("[Huzhu]").contains("120");
    }

    @Test
    void anUnknownNumber_withOtherText_getsOneExplanationPerHour() {
        // when
        Handled first = world.sms(STRANGER, "你好，请问这是哪里");
        world.later(59 * 60);
        Handled second = world.sms(STRANGER, "？？");
        int afterTwo = world.messenger.sentTo(STRANGER).size();
        world.later(60);
        Handled third = world.sms(STRANGER, "你好");

        // then
        assertThat(first).isEqualTo(Handled.EXPLAINED);
        assertThat(second).isEqualTo(Handled.EXPLAINED);
        assertThat(third).isEqualTo(Handled.EXPLAINED);
        assertThat(afterTwo).isEqualTo(1);
        assertThat(world.messenger.bodiesTo(STRANGER)).hasSize(2)
                .allSatisfy(b -> assertThat(b).contains("求助", "120"));
        assertThat(world.allIncidents()).isEmpty();
    }

    @Test
    void aVolunteerReplying_toAClosedIncident_getsAnExplanation_andOpensNothing() {
        // given
        Incident incident = openFor(member);
        world.dispatcher().cancel(incident.id(), "误报", "刘干事");
        world.messenger.clear();

        // when
        Handled handled = world.sms(liNa.phone(), "1");

        // then
        assertThat(handled).isEqualTo(Handled.EXPLAINED);
        assertThat(world.allIncidents()).hasSize(1);
    }

    @Test
    void anUnreadableSender_isIgnored() {
        // when
        Handled handled = world.sms("not-a-number", "求助");

        // then
        assertThat(handled).isEqualTo(Handled.IGNORED);
        assertThat(world.messenger.attempts()).isEmpty();
    }

    // ---------------------------------------------------------------- opt-out

    @Test
    void stop_fromAVolunteer_takesThemOffDuty_andTellsTheLevel1Leaders() {
        // given
        world.later(60);

        // when
        Handled handled = world.sms(liNa.phone(), "退訂");

        // then
        assertThat(handled).isEqualTo(Handled.OPTED_OUT);
        Volunteer now = world.memory.directory().volunteers().get("v-1").orElseThrow();
        assertThat(now.onDuty()).isFalse();
        assertThat(now.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(now.optedOutAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(world.messenger.bodiesTo(officer.phone())).singleElement().asString().contains("李娜");
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("退订");
    }

    @Test
    void stop_fromAVolunteerAlreadyOffDuty_isStillRecordedAsAnOptOut() {
        // given
        world.memory.directory().volunteers().update(liNa.offDuty(T0));
        world.later(30);

        // when
        world.sms(liNa.phone(), "STOP");

        // then
        assertThat(world.memory.directory().volunteers().get("v-1").orElseThrow().optedOutAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void anOptedOutVolunteer_isNotAlertedAgain() {
        // given
        world.sms(liNa.phone(), "STOP");

        // when
        Incident incident = openFor(member);

        // then
        assertThat(recipients(incident, 0)).containsExactly("v-2");
    }

    @Test
    void stop_fromSomeoneElse_isConfirmed_andTellsNoOfficer() {
        // when
        Handled handled = world.sms(STRANGER, "td");

        // then the opt-out is recorded for that phone too, and only the sender hears back
        assertThat(handled).isEqualTo(Handled.OPTED_OUT);
        assertThat(world.memory.optOuts().optedOutAt(STRANGER)).isPresent();
        assertThat(world.messenger.sent()).extracting(Attempt::to).containsExactly(STRANGER);
    }

    // ---------------------------------------------------------------- redelivery

    @Test
    void theSameInboundMessageTwice_isHandledOnce() {
        // given
        InboundSms message = new InboundSms(FATHER, World.UNION_NUMBER, "老伴胸口疼", "in-dup", null);

        // when
        Handled first = inbound.handle(message);
        int sentAfterFirst = world.messenger.attempts().size();
        world.later(300);
        Handled second = inbound.handle(message);

        // then
        assertThat(first).isEqualTo(Handled.OPENED);
        assertThat(second).isEqualTo(Handled.DUPLICATE);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.attempts()).hasSize(sentAfterFirst);
    }

    @Test
    void theSameReplyTwice_isHandledOnce() {
        // given
        Incident incident = openFor(member);
        InboundSms accept = new InboundSms(liNa.phone(), World.UNION_NUMBER, "1", "in-accept", null);
        inbound.handle(accept);
        int sent = world.messenger.attempts().size();

        // when
        Handled again = inbound.handle(accept);

        // then
        assertThat(again).isEqualTo(Handled.DUPLICATE);
        assertThat(world.messenger.attempts()).hasSize(sent);
        assertThat(world.incident(incident.id()).timeline()).extracting(TimelineEntry::kind)
                .filteredOn("accepted"::equals).hasSize(1);
    }

    @Test
    void aRedelivery_afterTheFirstDeliveryFailedHalfway_doesNotOpenASecondIncident() {
        // given: the first delivery opened the incident, then failed to record that it was handled
        InboundSms message = new InboundSms(STRANGER, World.UNION_NUMBER, "求助 着火了", "in-retry", null);
        world.store.failNextRemember(new DependencyFailure("store timed out", null));
        assertThatThrownBy(() -> inbound.handle(message)).isInstanceOf(DependencyFailure.class);
        world.later(1);

        // when: SNS delivers it again
        Handled handled = inbound.handle(message);

        // then
        assertThat(handled).isEqualTo(Handled.OPENED_UNVERIFIED);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.sentTo(officer.phone())).hasSize(1);
        assertThat(world.messenger.bodiesTo(STRANGER)).isNotEmpty()
                .allSatisfy(b -> assertThat(b).contains(world.allIncidents().get(0).code(), "120"));
    }

    @Test
    void aFamilysRedelivery_afterTheFirstDeliveryFailedHalfway_isNotRelayedAsASecondMessage() {
        // given: the first delivery opened the incident and alerted, then failed to record that it was handled
        InboundSms message = new InboundSms(FATHER, World.UNION_NUMBER, "老伴胸口疼", "in-retry", null);
        world.store.failNextRemember(new DependencyFailure("store timed out", null));
        assertThatThrownBy(() -> inbound.handle(message)).isInstanceOf(DependencyFailure.class);
        world.messenger.clear();

        // when: SNS delivers it again
        Handled handled = inbound.handle(message);

        // then: the volunteers do not get the same words again as "the reporter adds"
        assertThat(handled).isEqualTo(Handled.OPENED);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.sentTo(liNa.phone())).isEmpty();
        assertThat(world.messenger.sentTo(zhangWei.phone())).isEmpty();
        assertThat(world.incident(world.allIncidents().get(0).id()).timeline()).extracting(TimelineEntry::kind)
                .doesNotContain("relay");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .contains(world.allIncidents().get(0).code(), "120");
    }

    @Test
    void nationalAndFullWidthSenders_areMatchedToTheDirectory() {
        // when
        Handled opened = inbound.handle(new InboundSms("13800000002", World.UNION_NUMBER, "快来人", "in-x", null));
        Handled relayed = inbound.handle(new InboundSms("＋８６ １３８０００００００２", World.UNION_NUMBER, "在二楼", "in-y", null));

        // then
        assertThat(opened).isEqualTo(Handled.OPENED);
        assertThat(relayed).isEqualTo(Handled.RELAYED);
        assertThat(world.allIncidents()).singleElement().satisfies(i -> {
            assertThat(i.memberId()).isEqualTo("m-1");
            assertThat(i.reporter().phone()).isEqualTo(FATHER);
        });
    }

    @Test
    void aReplyToAnAlert_isAnsweredFromTheAlertsIncident_notByOpeningAnother() {
        // given: 李娜 is also family of the neighbour, and has an alert for the member's incident
        world.memory.directory().members().update(Fixtures.member("m-2").name("陈刚").phone(phone(3)).home("杭州", "西湖区")
                .family("李娜", "女儿", liNa.phone()).version(2).build());
        Incident incident = openFor(member);

        // when
        Handled handled = world.sms(liNa.phone(), "1");

        // then
        assertThat(handled).isEqualTo(Handled.REPLY);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.incident(incident.id()).responders()).hasSize(1);
    }

    @Test
    void anAcceptedIncident_answersTheResponderRespondingAgain_byTheirRole() {
        // given
        Incident incident = openFor(member);
        world.dispatcher().respond(incident.id(), "v-1", Action.ACCEPT);
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "1");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "已接单");
    }
}
