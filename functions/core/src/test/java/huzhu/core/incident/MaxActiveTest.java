package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A volunteer never holds more incidents than their {@code maxActive}: a further "1" (or the ack page's accept)
 * is answered with the incident they already hold, and the incident it named stays open for someone else.
 */
class MaxActiveTest {
    private World world;
    private Volunteer liNa;
    private Member first;
    private Member second;
    private Member third;

    @BeforeEach
    void threeFamiliesAndOneNeighbour() {
        world = new World();
        liNa = world.add(Fixtures.liNa().maxActive(1).build());
        world.add(Fixtures.officerLiu().build());
        first = world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).home("杭州", "西湖区").build());
        second = world.add(Fixtures.member("m-2").name("陈刚").phone(phone(2)).home("杭州", "西湖区").build());
        third = world.add(Fixtures.member("m-3").name("赵丽").phone(phone(3)).home("杭州", "西湖区").build());
    }

    private List<Incident> heldBy(String volunteerId, Incident... incidents) {
        return java.util.Arrays.stream(incidents).map(i -> world.incident(i.id()))
                .filter(i -> i.responder(volunteerId).isPresent()).toList();
    }

    private String lastSmsTo(String phone) {
        List<Attempt> sent = world.messenger.sentTo(phone);
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1).body();
    }

    @Test
    void aVolunteerWhoReplies1ThreeTimes_holdsOnlyOne_andIsToldWhichOne_whenMaxActiveIsOne() {
        // given: 李娜 (maxActive 1) is alerted for three families' incidents
        Incident a = world.openFor(first, first.phone(), null);
        world.later(5);
        Incident b = world.openFor(second, second.phone(), null);
        world.later(5);
        Incident c = world.openFor(third, third.phone(), null);
        assertThat(List.of(a, b, c)).allMatch(i -> i.alertFor("v-1").isPresent());

        // when: she replies "1" three times
        world.sms(liNa.phone(), "1");
        world.later(5);
        world.sms(liNa.phone(), "1");
        String secondAnswer = lastSmsTo(liNa.phone());
        world.later(5);
        world.sms(liNa.phone(), "1");
        String thirdAnswer = lastSmsTo(liNa.phone());

        // then: she holds one (the newest alert her first "1" answered); the others wait for someone else
        List<Incident> held = heldBy("v-1", a, b, c);
        assertThat(held).hasSize(1);
        Incident mine = held.get(0);
        assertThat(mine.id()).isEqualTo(c.id());
        assertThat(world.incident(a.id()).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(world.incident(b.id()).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(secondAnswer).contains(mine.code()).contains(b.code());
        assertThat(thirdAnswer).contains(mine.code());
    }

    @Test
    void anAcceptOnTheAckPage_isRefusedWithTheIncidentAlreadyHeld_whenAtMaxActive() {
        // given: 李娜 took one incident
        Incident a = world.openFor(first, first.phone(), null);
        Incident b = world.openFor(second, second.phone(), null);
        world.dispatcher().respond(a.id(), "v-1", Action.ACCEPT);

        // when: she taps "accept" on the other incident's page
        AckService.AckResult result = world.services.ack().act(world.ackToken(b.id(), "v-1"), "accept");

        // then
        assertThat(result.status()).isEqualTo("open");
        assertThat(result.message()).contains(a.code());
        assertThat(world.incident(b.id()).responders()).isEmpty();
    }

    @Test
    void aVolunteerWithMaxActiveTwo_takesTwo_andIsRefusedTheThird() {
        // given
        world.memory.directory().volunteers().update(Fixtures.liNa()
                .maxActive(2).version(2).build());
        Incident a = world.openFor(first, first.phone(), null);
        Incident b = world.openFor(second, second.phone(), null);
        Incident c = world.openFor(third, third.phone(), null);

        // when
        Dispatcher.Outcome one = world.dispatcher().respond(a.id(), "v-1", Action.ACCEPT).outcome();
        Dispatcher.Outcome two = world.dispatcher().respond(b.id(), "v-1", Action.ACCEPT).outcome();
        Dispatcher.Outcome three = world.dispatcher().respond(c.id(), "v-1", Action.ACCEPT).outcome();

        // then
        assertThat(List.of(one, two)).containsOnly(Dispatcher.Outcome.ACCEPTED);
        assertThat(three).isNotEqualTo(Dispatcher.Outcome.ACCEPTED);
        assertThat(heldBy("v-1", a, b, c)).hasSize(2);
        assertThat(world.incident(c.id()).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void onceTheHeldIncidentIsDone_theVolunteerMayTakeTheNext() {
        // given: 李娜 holds one and has finished it
        Incident a = world.openFor(first, first.phone(), null);
        Incident b = world.openFor(second, second.phone(), null);
        world.dispatcher().respond(a.id(), "v-1", Action.ACCEPT);
        world.dispatcher().respond(a.id(), "v-1", Action.DONE);

        // when
        Dispatcher.Response response = world.dispatcher().respond(b.id(), "v-1", Action.ACCEPT);

        // then
        assertThat(response.outcome()).isEqualTo(Dispatcher.Outcome.ACCEPTED);
        assertThat(world.incident(b.id()).responder("v-1")).isPresent();
    }

    @Test
    void anIncidentAnOfficerClosed_noLongerCountsAgainstTheVolunteer() {
        // given: 李娜 holds one, which an officer then resolves
        Incident a = world.openFor(first, first.phone(), null);
        Incident b = world.openFor(second, second.phone(), null);
        world.dispatcher().respond(a.id(), "v-1", Action.ACCEPT);
        world.dispatcher().resolve(a.id(), "已送医", null, "周干事");

        // when
        Dispatcher.Response response = world.dispatcher().respond(b.id(), "v-1", Action.ACCEPT);

        // then
        assertThat(response.outcome()).isEqualTo(Dispatcher.Outcome.ACCEPTED);
    }

    @Test
    void aLeader_isNotBoundByAnyMaxActive() {
        // given: the officer was alerted for two incidents of strangers
        world.memory.directory().volunteers().delete("v-1");
        Incident a = world.openFor(first, first.phone(), null);
        Incident b = world.openFor(second, second.phone(), null);
        world.later(181);
        world.dispatcher().escalateDue();

        // when
        Dispatcher.Outcome one = world.dispatcher().respond(a.id(), "l-1", Action.ACCEPT).outcome();
        Dispatcher.Outcome two = world.dispatcher().respond(b.id(), "l-1", Action.ACCEPT).outcome();

        // then
        assertThat(List.of(one, two)).containsOnly(Dispatcher.Outcome.ACCEPTED);
    }
}
