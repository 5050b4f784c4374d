package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.World.kinds;
import static huzhu.core.testing.World.recipients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Conflict;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.Dispatcher.Response;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsLength;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incident lifecycle as stories: open, alert, escalate, accept, decline, arrive, done, resolve, cancel. */
class DispatcherTest {
    private static final String MEMBER_PHONE = phone(1);
    private static final String FATHER = phone(2);

    private World world;
    private Dispatcher dispatcher;
    private Member member;
    private Volunteer liNa;
    private Volunteer zhangWei;
    private Volunteer inShanghai;
    private Volunteer offDuty;
    private Leader officer;
    private Leader chair;

    @BeforeEach
    void aUnionInHangzhou() {
        world = new World();
        dispatcher = world.dispatcher();
        member = world.add(Fixtures.wangXiaoming().address("文三路 100 号").build());
        liNa = world.add(Fixtures.liNa().build());
        zhangWei = world.add(Fixtures.zhangWei().build());
        inShanghai = world.add(Fixtures.volunteer("v-3").phone(phone(13)).area("上海", "徐汇区").build());
        offDuty = world.add(Fixtures.volunteer("v-4").phone(phone(14)).onDuty(false).build());
        officer = world.add(Fixtures.officerLiu().build());
        chair = world.add(Fixtures.chairZhang().build());
    }

    private Incident open() {
        return world.openFor(member, FATHER, "王建国");
    }

    private Response respond(Incident incident, Volunteer v, Action action) {
        return dispatcher.respond(incident.id(), v.id(), action);
    }

    // ---------------------------------------------------------------- open

    @Test
    void open_alertsTheNearbyOnDutyVolunteers_andNobodyElse() {
        // when
        Incident incident = open();

        // then
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.level()).isZero();
        assertThat(recipients(incident, 0)).containsExactly("v-1", "v-2");
        assertThat(incident.alerts()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.SENT);
            assertThat(a.sentAt()).isEqualTo(T0);
            assertThat(a.messageId()).isNotNull();
        });
        assertThat(world.messenger.sentTo(liNa.phone())).hasSize(1);
        assertThat(world.messenger.sentTo(zhangWei.phone())).hasSize(1);
        assertThat(world.messenger.sentTo(inShanghai.phone())).isEmpty();
        assertThat(world.messenger.sentTo(offDuty.phone())).isEmpty();
        assertThat(world.messenger.sentTo(officer.phone())).isEmpty();
        assertThat(world.messenger.sentTo(chair.phone())).isEmpty();
    }

    @Test
    void open_setsTheDeadlineByTheFirstLevelsTimeout_andAsksTheTimerToWakeThen() {
        // when
        Incident incident = open();

        // then
        assertThat(incident.nextEscalationAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(world.wakes).containsExactly(new World.Wake(incident.id(), 0, T0.plusSeconds(180)));
        assertThat(kinds(incident)).containsExactly("opened", "alerted");
    }

    @Test
    void theAlertSms_carriesTheCodeAndThePersonalAckLink_inTwoSegments() {
        // when
        Incident incident = open();

        // then
        for (Alert alert : incident.alerts()) {
            String body = world.messenger.bodiesTo(alert.to()).get(0);
            assertThat(body).startsWith("【互助】").contains(incident.code(), "王小明", "文三路 100 号",
                    "https://huzhu.example/v1/acks/" + world.ackToken(incident.id(), alert.recipientId()));
            assertThat(SmsLength.segments(body)).isLessThanOrEqualTo(2);
            assertThat(world.messenger.sentTo(alert.to()).get(0).messageId()).isEqualTo(alert.messageId());
        }
        assertThat(incident.alerts()).extracting(a -> world.ackToken(incident.id(), a.recipientId()))
                .doesNotHaveDuplicates();
    }

    @Test
    void anEnglishSpeakingVolunteer_getsAnEnglishAlert_withCodeAndLink_inTwoSegments() {
        // given: the member, the address and the message are Chinese
        world.memory.directory().volunteers().delete("v-2");
        Volunteer tom = world.add(Fixtures.volunteer("v-5").name("Tom").phone(phone(15)).language(Language.EN).build());

        // when
        Incident incident = open();

        // then
        Alert alert = incident.alertFor(tom.id()).orElseThrow();
        String body = world.messenger.bodiesTo(tom.phone()).get(0);
        assertThat(body).startsWith("[Huzhu]").contains(incident.code(),
                "https://huzhu.example/v1/acks/" + world.ackToken(incident.id(), alert.recipientId()));
        assertThat(SmsLength.segments(body)).as(body).isLessThanOrEqualTo(2);
    }

    @Test
    void open_byAFamilyMember_tellsTheMemberToo() {
        // when
        Incident incident = open();

        // then
        assertThat(world.messenger.bodiesTo(MEMBER_PHONE)).singleElement().asString()
                .contains(incident.code(), "父亲胸口疼");
    }

    @Test
    void open_withNobodyNearby_movesStraightToLevel1_withATimelineEntry() {
        // given
        world.memory.directory().volunteers().delete("v-1");
        world.memory.directory().volunteers().delete("v-2");

        // when
        Incident incident = open();

        // then
        assertThat(incident.level()).isEqualTo(1);
        assertThat(kinds(incident)).containsExactly("opened", "no-recipients", "alerted");
        assertThat(recipients(incident, 1)).containsExactly("l-1");
        assertThat(world.messenger.bodiesTo(officer.phone())).singleElement().asString().contains(incident.code());
        assertThat(incident.nextEscalationAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void aVolunteerAlreadyBusyWithAnotherIncident_isNotAlerted() {
        // given: 李娜 (maxActive 1) took an incident of another member in the district
        Member neighbour = world.add(Fixtures.member("m-2").home("杭州", "西湖区").build());
        Incident first = world.openFor(neighbour, neighbour.phone(), null);
        respond(first, liNa, Action.ACCEPT);

        // when
        Incident second = open();

        // then
        assertThat(recipients(second, 0)).containsExactly("v-2");
    }

    // ---------------------------------------------------------------- escalation

    @Test
    void escalateDue_beforeTheDeadline_doesNothing() {
        // given
        Incident incident = open();
        world.messenger.clear();
        world.later(179);

        // when
        int escalated = dispatcher.escalateDue();

        // then
        assertThat(escalated).isZero();
        assertThat(world.incident(incident.id())).isEqualTo(incident);
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void escalateDue_atTheDeadline_movesExactlyOneLevel_andAlertsThatLevel() {
        // given
        Incident incident = open();
        world.messenger.clear();
        world.later(180);

        // when
        int escalated = dispatcher.escalateDue();

        // then
        Incident now = world.incident(incident.id());
        assertThat(escalated).isEqualTo(1);
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.escalations()).isEqualTo(1);
        assertThat(now.nextEscalationAt()).isEqualTo(T0.plusSeconds(180 + 300));
        assertThat(kinds(now)).endsWith("escalated", "alerted");
        assertThat(world.messenger.sent()).extracting(Attempt::to).containsExactly(officer.phone());
        assertThat(now.alertFor("l-1").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(world.wakes).last().isEqualTo(new World.Wake(incident.id(), 1, T0.plusSeconds(480)));
    }

    @Test
    void escalateDue_longAfterTheDeadline_stillMovesOnlyOneLevel() {
        // given
        Incident incident = open();
        world.later(3600);

        // when
        dispatcher.escalateDue();

        // then
        assertThat(world.incident(incident.id()).level()).isEqualTo(1);
    }

    @Test
    void escalateDue_twiceAtTheSameInstant_escalatesOnce() {
        // given
        Incident incident = open();
        world.later(180);

        // when
        int first = dispatcher.escalateDue();
        int second = dispatcher.escalateDue();
        boolean lateTimer = dispatcher.escalateIfDue(incident.id());

        // then
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(lateTimer).isFalse();
        assertThat(world.incident(incident.id()).level()).isEqualTo(1);
        assertThat(world.messenger.sentTo(officer.phone())).hasSize(1);
    }

    @Test
    void theLastLevel_repeatsRepeatTimes_thenTheIncidentIsExhausted() {
        // given: at level 2 after 180 s + 300 s
        Incident incident = open();
        world.later(180);
        dispatcher.escalateDue();
        world.later(300);
        dispatcher.escalateDue();
        assertThat(world.incident(incident.id()).level()).isEqualTo(2);

        // when: three repeats of 600 s, then one more deadline
        for (int repeat = 1; repeat <= 3; repeat++) {
            world.later(600);
            assertThat(dispatcher.escalateDue()).isEqualTo(1);
            assertThat(world.incident(incident.id()).repeats()).isEqualTo(repeat);
            assertThat(world.incident(incident.id()).exhausted()).isFalse();
        }
        world.later(600);
        dispatcher.escalateDue();

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.exhausted()).isTrue();
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(now.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(now.level()).isEqualTo(2);
        assertThat(world.messenger.sentTo(chair.phone())).hasSize(4);
        assertThat(kinds(now)).filteredOn("repeated"::equals).hasSize(3);
        assertThat(kinds(now)).last().isEqualTo("exhausted");

        // and nothing happens afterwards
        world.later(86_400);
        assertThat(dispatcher.escalateDue()).isZero();
        assertThat(world.messenger.sentTo(chair.phone())).hasSize(4);
    }

    @Test
    void anOfficer_canEscalateNow_butNotBeyondAnExhaustedPolicy() {
        // given
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 60, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 60, 0))));
        Incident incident = open();

        // when
        Incident escalated = dispatcher.escalateNow(incident.id(), "值班员");
        Incident exhausted = dispatcher.escalateNow(incident.id(), "值班员");

        // then
        assertThat(escalated.level()).isEqualTo(1);
        assertThat(kinds(escalated)).contains("escalated");
        assertThat(world.messenger.bodiesTo(officer.phone())).filteredOn(b -> b.contains("/v1/acks/")).hasSize(1);
        assertThat(exhausted.exhausted()).isTrue();
        assertThatThrownBy(() -> dispatcher.escalateNow(incident.id(), "值班员"))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("policy_exhausted"));
    }

    @Test
    void anIncident_keepsThePolicyItOpenedWith_whenTheUnionChangesIt() {
        // given
        Incident incident = open();
        world.memory.settings().saveEscalationPolicy(new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 1, null),
                new PolicyLevel(1, Notify.LEADERS, null, 2, 1, null))));

        // when
        world.later(60);
        int escalated = dispatcher.escalateDue();

        // then: still waiting for the 180 s of the policy it started with
        assertThat(escalated).isZero();
        assertThat(world.incident(incident.id()).policy()).isEqualTo(EscalationPolicy.DEFAULT);
    }

    // ---------------------------------------------------------------- accept

    @Test
    void accept_acknowledgesTheIncident_andRecordsTheResponder() {
        // given
        Incident incident = open();
        world.later(42);

        // when
        Response response = respond(incident, liNa, Action.ACCEPT);

        // then
        Incident now = world.incident(incident.id());
        assertThat(response.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.acknowledgedAt()).isEqualTo(T0.plusSeconds(42));
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(now.responders()).containsExactly(
                new Responder("v-1", "李娜", liNa.phone(), T0.plusSeconds(42), null));
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.ACCEPTED);
        assertThat(kinds(now)).last().isEqualTo("accepted");
    }

    @Test
    void accept_standsDownTheOtherOutstandingAlerts_andTellsThemBySms() {
        // given
        Incident incident = open();
        world.messenger.clear();

        // when
        respond(incident, liNa, Action.ACCEPT);

        // then
        assertThat(world.alert(incident.id(), "v-2").status()).isEqualTo(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.bodiesTo(zhangWei.phone())).singleElement().asString()
                .contains(incident.code(), "无需前往");
    }

    @Test
    void accept_tellsTheReporterAndTheMember_whoIsComing_withNameAndPhone() {
        // given
        Incident incident = open();
        world.messenger.clear();

        // when
        respond(incident, liNa, Action.ACCEPT);

        // then
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .contains("李娜", liNa.phone(), incident.code());
        assertThat(world.messenger.bodiesTo(MEMBER_PHONE)).singleElement().asString()
                .contains("李娜", liNa.phone(), incident.code());
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString()
                .contains(incident.code(), "文三路 100 号", FATHER);
    }

    @Test
    void anAcceptedIncident_isNeverEscalated() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);
        world.messenger.clear();

        // when
        world.later(86_400);
        int escalated = dispatcher.escalateDue();
        boolean byTimer = dispatcher.escalateIfDue(incident.id());

        // then
        assertThat(escalated).isZero();
        assertThat(byTimer).isFalse();
        assertThat(world.incident(incident.id()).level()).isZero();
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void secondAccept_isToldAlreadyTaken_whenFirstWon() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);

        // when
        Response second = respond(incident, zhangWei, Action.ACCEPT);

        // then
        assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_TAKEN);
        assertThat(second.takenBy()).isEqualTo("李娜");
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::recipientId)
                .containsExactly("v-1");
    }

    @ParameterizedTest(name = "{0} twice: told {1}")
    @CsvSource({"ACCEPT, ALREADY_YOURS", "DECLINE, DECLINED"})
    void answeringTheSameWayTwice_isToldSo_andChangesNothing(Action answer, Outcome told) {
        // given
        Incident incident = open();
        respond(incident, liNa, answer);
        Incident before = world.incident(incident.id());

        // when
        Response again = respond(incident, liNa, answer);

        // then
        assertThat(again.outcome()).isEqualTo(told);
        assertThat(world.incident(incident.id())).isEqualTo(before);
    }

    @Test
    void acceptRacingAnEscalation_whereTheEscalationWritesFirst_endsAcknowledged_andNeverEscalatesAgain() {
        // given: the deadline has come; while 李娜's accept is being written, the sweep escalates
        Incident incident = open();
        world.later(180);
        world.store.beforeNextUpdate(() -> assertThat(dispatcher.escalateDue()).isEqualTo(1));

        // when
        Response response = respond(incident, liNa, Action.ACCEPT);

        // then: the accept was decided again on the escalated incident and still won
        Incident now = world.incident(incident.id());
        assertThat(response.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(now.responders()).extracting(Responder::recipientId).containsExactly("v-1");
        assertThat(now.alertFor("l-1").orElseThrow().status()).isEqualTo(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.bodiesTo(officer.phone())).hasSize(2).last().asString().contains("无需前往");

        // and it never escalates afterwards
        world.later(86_400);
        assertThat(dispatcher.escalateDue()).isZero();
        assertThat(world.incident(incident.id()).level()).isEqualTo(1);
        assertThat(world.messenger.sentTo(chair.phone())).isEmpty();
    }

    @Test
    void escalationRacingAnAccept_whereTheAcceptWritesFirst_doesNotEscalate_andAlertsNobody() {
        // given: the sweep has read the incident; 李娜's accept is written before the sweep's write
        Incident incident = open();
        world.later(180);
        world.store.beforeNextUpdate(() -> respond(incident, liNa, Action.ACCEPT));

        // when
        int escalated = dispatcher.escalateDue();

        // then
        Incident now = world.incident(incident.id());
        assertThat(escalated).isZero();
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.level()).isZero();
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(world.messenger.sentTo(officer.phone())).isEmpty();
    }

    @Test
    void anAcceptLandingBetweenTheEscalationsWriteAndItsSms_keepsTheNextLevelFromBeingAlerted() {
        // given: the sweep has written level 1; 李娜 accepts before the sweep sends the level-1 SMS
        Incident incident = open();
        world.later(180);
        world.store.afterNextUpdate(() -> respond(incident, liNa, Action.ACCEPT));

        // when
        dispatcher.escalateDue();

        // then: the officer is not alerted for an incident somebody already took
        Incident now = world.incident(incident.id());
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.alertFor("l-1").orElseThrow().status()).isEqualTo(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.sentTo(officer.phone())).isEmpty();
    }

    // ---------------------------------------------------------------- decline

    @Test
    void oneDecline_ofTwo_leavesTheLevelWaiting() {
        // given
        Incident incident = open();

        // when
        Response response = respond(incident, liNa, Action.DECLINE);

        // then
        Incident now = world.incident(incident.id());
        assertThat(response.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(now.level()).isZero();
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.DECLINED);
        assertThat(now.nextEscalationAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void declineByEveryoneAtALevel_escalatesAtOnce() {
        // given
        Incident incident = open();
        world.later(30);
        respond(incident, liNa, Action.DECLINE);

        // when
        Response last = respond(incident, zhangWei, Action.DECLINE);

        // then
        Incident now = world.incident(incident.id());
        assertThat(last.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.nextEscalationAt()).isEqualTo(T0.plusSeconds(30 + 300));
        assertThat(world.messenger.sentTo(officer.phone())).hasSize(1);
        assertThat(now.timeline()).extracting(TimelineEntry::text).anyMatch(t -> t.contains("都无法前往"));
    }

    // ---------------------------------------------------------------- arrived, done

    @Test
    void arrivedOrDone_fromSomeoneWhoHasNotAccepted_isNotResponder() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);
        Incident before = world.incident(incident.id());

        // when
        Response arrived = respond(incident, zhangWei, Action.ARRIVED);
        Response done = respond(incident, zhangWei, Action.DONE);

        // then
        assertThat(arrived.outcome()).isEqualTo(Outcome.NOT_RESPONDER);
        assertThat(done.outcome()).isEqualTo(Outcome.NOT_RESPONDER);
        assertThat(world.incident(incident.id())).isEqualTo(before);
    }

    @Test
    void arrived_recordsTheArrivalTime_once() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);
        world.later(600);

        // when
        Response arrived = respond(incident, liNa, Action.ARRIVED);
        world.later(60);
        Response again = respond(incident, liNa, Action.ARRIVED);

        // then
        assertThat(arrived.outcome()).isEqualTo(Outcome.ARRIVED);
        assertThat(again.outcome()).isEqualTo(Outcome.ARRIVED);
        assertThat(world.incident(incident.id()).responder("v-1").orElseThrow().arrivedAt())
                .isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void done_byTheResponder_resolvesTheIncident() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);
        respond(incident, liNa, Action.ARRIVED);
        world.later(1800);

        // when
        Response done = respond(incident, liNa, Action.DONE);

        // then
        Incident now = world.incident(incident.id());
        assertThat(done.outcome()).isEqualTo(Outcome.DONE);
        assertThat(now.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(now.resolvedAt()).isEqualTo(T0.plusSeconds(1800));
        assertThat(now.closedAt()).isEqualTo(T0.plusSeconds(1800));
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(kinds(now)).last().isEqualTo("done");
    }

    @Test
    void anyResponse_toAClosedIncident_isClosed() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);
        respond(incident, liNa, Action.DONE);

        // then
        for (Action action : Action.values()) {
            assertThat(respond(incident, zhangWei, action).outcome()).as(action.name()).isEqualTo(Outcome.CLOSED);
        }
    }

    // ---------------------------------------------------------------- officers

    @Test
    void resolve_closesTheIncident_andTellsTheStillAlertedToStandDown() {
        // given
        Incident incident = open();
        world.messenger.clear();

        // when
        Incident resolved = dispatcher.resolve(incident.id(), "已送医", "120 到场", "刘干事");

        // then
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.outcome()).isEqualTo("已送医");
        assertThat(resolved.alerts()).extracting(Alert::status).containsOnly(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.sent()).extracting(Attempt::to)
                .containsExactlyInAnyOrder(liNa.phone(), zhangWei.phone());
        assertThat(kinds(resolved)).endsWith("resolved", "note");
    }

    @Test
    void resolveOrCancel_ofAClosedIncident_isAConflict() {
        // given
        Incident incident = open();
        dispatcher.cancel(incident.id(), "误报", "刘干事");

        // when / then
        assertThatThrownBy(() -> dispatcher.resolve(incident.id(), "x", null, "刘干事"))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("incident_closed"));
        assertThatThrownBy(() -> dispatcher.cancel(incident.id(), "x", "刘干事"))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("incident_closed"));
        assertThatThrownBy(() -> dispatcher.escalateNow(incident.id(), "刘干事")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> dispatcher.acknowledge(incident.id(), "刘干事")).isInstanceOf(Conflict.class);
    }

    @Test
    void cancel_tellsEveryoneAlertedToStandDown_withTheReason() {
        // given: 李娜 declined, 张伟 has not answered, the officer was alerted at level 1
        Incident incident = open();
        world.later(180);
        dispatcher.escalateDue();
        world.messenger.clear();

        // when
        Incident cancelled = dispatcher.cancel(incident.id(), "误报，老人已没事", "刘干事");

        // then
        assertThat(cancelled.status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(cancelled.nextEscalationAt()).isNull();
        assertThat(cancelled.alerts()).extracting(Alert::status).containsOnly(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.sent()).extracting(Attempt::to)
                .containsExactlyInAnyOrder(liNa.phone(), zhangWei.phone(), officer.phone());
        assertThat(world.messenger.sent()).allSatisfy(a -> assertThat(a.body()).contains(incident.code(), "误报"));
    }

    @Test
    void cancel_afterAnAccept_tellsTheResponderToStandDown_too() {
        // given
        Incident incident = open();
        respond(incident, liNa, Action.ACCEPT);
        world.messenger.clear();

        // when
        dispatcher.cancel(incident.id(), "误报", "刘干事");

        // then
        assertThat(world.messenger.bodiesTo(liNa.phone())).singleElement().asString().contains("取消");
        assertThat(world.incident(incident.id()).alertFor("v-1").orElseThrow().status())
                .isEqualTo(AlertStatus.STOOD_DOWN);
    }

    @Test
    void acknowledgeByAnOfficer_stopsTheEscalation() {
        // given
        Incident incident = open();

        // when
        Incident acknowledged = dispatcher.acknowledge(incident.id(), "刘干事");
        world.later(86_400);

        // then
        assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acknowledged.nextEscalationAt()).isNull();
        assertThat(dispatcher.escalateDue()).isZero();
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aMessengerFailureForEveryRecipientOfALevel_movesOnAtOnce_andRecordsWhy() {
        // given
        world.messenger.failPermanently(liNa.phone());
        world.messenger.failTransiently(zhangWei.phone());

        // when
        Incident incident = open();

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.level()).isEqualTo(1);
        assertThat(now.alertFor("v-1").orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.FAILED);
            assertThat(a.failureReason()).isEqualTo("permanent failure for this number (test)");
        });
        assertThat(now.alertFor("v-2").orElseThrow().status()).isEqualTo(AlertStatus.FAILED);
        assertThat(now.timeline()).filteredOn(e -> e.kind().equals("send-failed")).extracting(TimelineEntry::text)
                .anyMatch(t -> t.contains("李娜") && t.contains("permanent failure for this number (test)"))
                .anyMatch(t -> t.contains("张伟") && t.contains("temporarily unavailable (test)"));
        assertThat(world.messenger.sentTo(officer.phone())).hasSize(1);
        assertThat(now.nextEscalationAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void aMessengerFailureForSomeRecipients_leavesTheLevelWaitingForTheOthers() {
        // given
        world.messenger.failPermanently(liNa.phone());

        // when
        Incident incident = open();

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.level()).isZero();
        assertThat(now.alertFor("v-1").orElseThrow().status()).isEqualTo(AlertStatus.FAILED);
        assertThat(now.alertFor("v-2").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(world.messenger.sentTo(officer.phone())).isEmpty();
    }

    @Test
    void whenNobodyAtAnyLevelCanBeReached_theIncidentEndsExhausted_andOpen() {
        // given
        for (String p : List.of(liNa.phone(), zhangWei.phone(), officer.phone(), chair.phone())) {
            world.messenger.failPermanently(p);
        }

        // when
        Incident incident = open();

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(now.exhausted()).isTrue();
        assertThat(now.nextEscalationAt()).isNull();
        assertThat(world.messenger.attempts()).filteredOn(a -> a.to().equals(chair.phone())).hasSize(4);
    }
}
