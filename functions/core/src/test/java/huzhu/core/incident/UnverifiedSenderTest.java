package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A number nobody registered: limited, and never told anything about the union's people. */
class UnverifiedSenderTest {
    private static final String STRANGER = phone(99);

    private World world;
    private Member member;
    private Volunteer liNa;

    @BeforeEach
    void aUnionWithAnOfficer() {
        world = new World();
        member = world.add(Fixtures.wangXiaoming().address("杭州市西湖区文三路 100 号").build());
        liNa = world.add(Fixtures.liNa().build());
        world.add(Fixtures.officerLiu().build());
    }

    @Test
    void anUnverifiedIncident_neverRevealsMemberOrResponderData_inAnyReplyToItsReporter() {
        // given: a stranger names the member in the request, an officer takes it, it is resolved
        assertThat(world.sms(STRANGER, "求助 我是王小明的邻居，他父亲王建国晕倒了")).isEqualTo(Handled.OPENED_UNVERIFIED);
        Incident incident = world.allIncidents().get(0);
        world.sms(STRANGER, "在文三路");
        world.dispatcher().respond(incident.id(), "l-1", Action.ACCEPT);
        world.sms(STRANGER, "人呢？");
        world.dispatcher().resolve(incident.id(), "已处理", null, "刘干事");

        // then
        List<String> toStranger = world.messenger.bodiesTo(STRANGER);
        assertThat(toStranger).hasSizeGreaterThanOrEqualTo(3).allSatisfy(body -> assertThat(body)
                .contains(incident.code())
                .doesNotContain("王小明", member.phone(), "文三路 100 号", "李娜", liNa.phone(), "刘干事", phone(21))
                .doesNotContain("13800000001", "13800000021"));
    }

    @Test
    void aStrangersFurtherTexts_goToTheirOpenIncident_insteadOfOpeningMore() {
        // given
        world.sms(STRANGER, "救命");

        // when
        Handled second = world.sms(STRANGER, "SOS 快来");
        Handled third = world.sms(STRANGER, "急");

        // then
        assertThat(second).isEqualTo(Handled.RELAYED);
        assertThat(third).isEqualTo(Handled.RELAYED);
        assertThat(world.allIncidents()).singleElement().satisfies(i -> assertThat(i.timeline())
                .filteredOn(e -> e.kind().equals("relay") || e.kind().equals("urgentRelay")).hasSize(2));
    }

    @Test
    void aStranger_opensAtMostThreeUnverifiedIncidentsAnHour() {
        // given: three requests, each closed by the officers as a false alarm
        for (int i = 0; i < InboundSmsService.UNVERIFIED_PER_SENDER.max(); i++) {
            assertThat(world.sms(STRANGER, "求助 " + i)).isEqualTo(Handled.OPENED_UNVERIFIED);
            Incident open = world.memory.incidents().active().get(0);
            world.dispatcher().cancel(open.id(), "误报", "刘干事");
        }
        int smsBefore = world.messenger.attempts().size();

        // when
        Handled fourth = world.sms(STRANGER, "求助 再来");
        Handled fifth = world.sms(STRANGER, "求助 还来");

        // then: no incident, no alert; the sender is told how to reach help once, then nothing more
        assertThat(fourth).isEqualTo(Handled.EXPLAINED);
        assertThat(fifth).isEqualTo(Handled.LIMITED);
        assertThat(world.allIncidents()).hasSize(InboundSmsService.UNVERIFIED_PER_SENDER.max());
        assertThat(world.messenger.attempts().size() - smsBefore).isEqualTo(1);
        assertThat(world.messenger.bodiesTo(STRANGER)).last().asString().contains("120");

        // and an hour later they may ask again
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.sms(STRANGER, "求助 真的")).isEqualTo(Handled.OPENED_UNVERIFIED);
    }

    @Test
    void aRegisteredFamilyMember_isNeverLimitedByTheStrangersRule() {
        for (int i = 0; i < 5; i++) {
            assertThat(world.sms(phone(2), "父亲不舒服 " + i)).isIn(Handled.OPENED, Handled.RELAYED);
            world.memory.incidents().active().forEach(inc -> world.dispatcher().cancel(inc.id(), "误报", "刘干事"));
        }
        assertThat(world.allIncidents()).hasSize(5);
    }
}
