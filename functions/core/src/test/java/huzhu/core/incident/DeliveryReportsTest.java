package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.World.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.sms.CarrierReport;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The carriers' delivery reports: alerts become delivered or failed; a level whose every alert is undeliverable
 * moves on at once; reports of other SMS and repeats change nothing.
 */
class DeliveryReportsTest {
    private World world;
    private Dispatcher dispatcher;
    private Member member;
    private Volunteer liNa;
    private Volunteer zhangWei;
    private Leader officer;

    @BeforeEach
    void aUnionInHangzhou() {
        world = new World();
        dispatcher = world.dispatcher();
        member = world.add(Fixtures.wangXiaoming().build());
        liNa = world.add(Fixtures.liNa().build());
        zhangWei = world.add(Fixtures.zhangWei().build());
        officer = world.add(Fixtures.officerLiu().build());
    }

    private String messageIdOf(Incident incident, Volunteer v) {
        return world.alert(incident.id(), v.id()).messageId();
    }

    @Test
    void aDeliveredReport_marksTheAlertDelivered_andItStillWaitsForAnAnswer() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");

        // when
        int changed = dispatcher.deliveryReports(List.of(new CarrierReport(messageIdOf(incident, liNa), true, "DELIVERED")));
        Dispatcher.Response accepted = dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);

        // then
        assertThat(changed).isEqualTo(1);
        assertThat(accepted.outcome()).isEqualTo(Dispatcher.Outcome.ACCEPTED);
        assertThat(world.alert(incident.id(), liNa.id()).status()).isEqualTo(AlertStatus.ACCEPTED);
    }

    @Test
    void aDeliveredAlert_isStoodDownAndTold_whenSomeoneElseAccepts() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        dispatcher.deliveryReports(List.of(new CarrierReport(messageIdOf(incident, zhangWei), true, "DELIVRD")));
        assertThat(world.alert(incident.id(), zhangWei.id()).status()).isEqualTo(AlertStatus.DELIVERED);
        world.messenger.clear();

        // when
        dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);

        // then
        assertThat(world.alert(incident.id(), zhangWei.id()).status()).isEqualTo(AlertStatus.STOOD_DOWN);
        assertThat(world.messenger.sentTo(zhangWei.phone())).extracting(a -> a.template()).containsExactly("standDown");
    }

    @Test
    void anUndeliverableReport_failsTheAlertForGood_withItsReasonOnTheTimeline() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");

        // when
        dispatcher.deliveryReports(List.of(new CarrierReport(messageIdOf(incident, liNa), false, "MK:0001")));

        // then
        Alert failed = world.alert(incident.id(), liNa.id());
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.pending()).isFalse();
        assertThat(failed.failureReason()).isEqualTo("undeliverable (MK:0001)");
        assertThat(kinds(world.incident(incident.id()))).contains("undeliverable");
        assertThat(world.incident(incident.id()).level()).isZero();
    }

    @Test
    void whenEveryAlertOfTheLevelIsUndeliverable_theIncidentMovesOnAtOnce() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        world.later(20);

        // when
        dispatcher.deliveryReports(List.of(new CarrierReport(messageIdOf(incident, liNa), false, "UNDELIV"),
                new CarrierReport(messageIdOf(incident, zhangWei), false, "MK:0001")));

        // then the officers are alerted now, not at the level's deadline
        Incident now = world.incident(incident.id());
        assertThat(now.level()).isEqualTo(1);
        assertThat(kinds(now)).contains("move-on");
        assertThat(world.messenger.sentTo(officer.phone())).extracting(a -> a.template()).containsExactly("alert");
    }

    @Test
    void aRepeatedReport_andAReportOfAnotherSms_changeNothing() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        String id = messageIdOf(incident, liNa);
        dispatcher.deliveryReports(List.of(new CarrierReport(id, false, "UNDELIV")));
        Incident before = world.incident(incident.id());

        // when
        int changed = dispatcher.deliveryReports(List.of(new CarrierReport(id, false, "UNDELIV"),
                new CarrierReport(id, true, "DELIVERED"), new CarrierReport("not-ours", false, "UNDELIV")));

        // then
        assertThat(changed).isZero();
        assertThat(world.incident(incident.id())).isEqualTo(before);
    }

    @Test
    void aReportAfterTheIncidentWasAccepted_leavesTheAnsweredAlertsAlone() {
        // given
        Incident incident = world.openFor(member, phone(2), "王建国");
        dispatcher.respond(incident.id(), liNa.id(), Action.ACCEPT);

        // when
        dispatcher.deliveryReports(List.of(new CarrierReport(messageIdOf(incident, liNa), false, "UNDELIV")));

        // then
        assertThat(world.alert(incident.id(), liNa.id()).status()).isEqualTo(AlertStatus.ACCEPTED);
    }
}
