package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.error.RateLimited;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An ack link acts for one alerted person on one incident, while it is active, and cannot be made up. */
class AckLinkSecurityTest {
    private World world;
    private AckService acks;
    private Member member;
    private Incident incident;

    @BeforeEach
    void twoNeighboursAlerted() {
        world = new World();
        acks = world.services.ack();
        member = world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).build());
        world.add(Fixtures.liNa().build());
        world.add(Fixtures.zhangWei().build());
        incident = world.openFor(member, member.phone(), null);
    }

    @Test
    void theLinkInEachSms_isThatPersonsOwn() {
        // when
        String liNa = world.ackToken(incident.id(), "v-1");

        // then
        assertThat(world.messenger.bodiesTo(phone(11)).get(0)).contains("/v1/acks/" + liNa);
        assertThat(world.messenger.bodiesTo(phone(12)).get(0)).doesNotContain(liNa);
        assertThat(acks.view(liNa).alert().recipientId()).isEqualTo("v-1");
        assertThat(acks.act(liNa, "accept").status()).isEqualTo("acknowledged");
        assertThat(world.incident(incident.id()).responders()).singleElement()
                .satisfies(r -> assertThat(r.recipientId()).isEqualTo("v-1"));
    }

    @Test
    void aTokenSignedWithAnotherKey_isUnknown_evenWithTheRightCode() {
        // given: someone who read the table (codes, ids) but has not the key
        String forged = AckTokens.withRandomKey().token(incident.code(), incident.id(), "v-1");

        // then
        assertThatThrownBy(() -> acks.view(forged)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> acks.act(forged, "accept")).isInstanceOf(NotFound.class);
        assertThat(world.incident(incident.id()).responders()).isEmpty();
    }

    @Test
    void theLink_expiresWhenTheIncidentCloses_andOpensNoLaterIncidentWithTheSameCode() {
        // given
        String token = world.ackToken(incident.id(), "v-1");
        world.dispatcher().cancel(incident.id(), "误报", "周干事");

        // then
        assertThatThrownBy(() -> acks.view(token)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> acks.act(token, "accept")).isInstanceOf(NotFound.class);

        // and when a new incident happens to get the same code, the old link still opens nothing
        Incident later = world.dispatcher().open(new Dispatcher.NewIncident("inc-later", "m-1", null, "又摔倒了",
                null, new huzhu.core.incident.Reporter(member.phone(), null, huzhu.core.incident.Channel.HTTP, true),
                member.language()));
        world.memory.incidents().update(Fixtures.edited(later).code(incident.code()).build());
        assertThatThrownBy(() -> acks.view(token)).isInstanceOf(NotFound.class);
    }

    @Test
    void aReplayedAccept_changesNothing_andSaysItIsAlreadyYours() {
        // given
        String token = world.ackToken(incident.id(), "v-1");
        acks.act(token, "accept");
        Incident afterFirst = world.incident(incident.id());

        // when
        AckService.AckResult again = acks.act(token, "accept");

        // then
        assertThat(again.status()).isEqualTo("acknowledged");
        assertThat(world.incident(incident.id())).isEqualTo(afterFirst);
    }

    @Test
    void oneAddress_tryingManyLinks_isRateLimited_butARealLinkBehindTheSameAddressStillOpens() {
        // given
        String ip = "198.51.100.7";
        for (int i = 0; i < AckService.MISSES_PER_ADDRESS.max(); i++) {
            String guess = incident.code() + "AAAAAAAA" + String.format("%02d", i);
            assertThatThrownBy(() -> acks.view(guess, ip)).isInstanceOf(NotFound.class);
        }

        // then more guesses are refused, while the volunteer sharing that address still opens and uses their link
        assertThatThrownBy(() -> acks.view(incident.code() + "AAAAAAAAZZ", ip)).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> acks.act(incident.code() + "AAAAAAAAZZ", "accept", ip))
                .isInstanceOf(RateLimited.class);
        String token = world.ackToken(incident.id(), "v-1");
        assertThat(acks.view(token, ip).alert().recipientId()).isEqualTo("v-1");
        assertThat(acks.act(token, "accept", ip).status()).isEqualTo("acknowledged");
    }

    @Test
    void aRealLink_isLimitedOnlyByItsOwnRule_notByItsAddress() {
        // given the volunteer's link used from one address more often than that address may miss
        String token = world.ackToken(incident.id(), "v-1");
        String ip = "198.51.100.9";
        for (int i = 0; i < AckService.USES_PER_LINK.max(); i++) {
            assertThat(acks.view(token, ip).alert().recipientId()).isEqualTo("v-1");
        }

        // then that link is refused for now, from any address, and another person's link is not
        assertThatThrownBy(() -> acks.view(token, "203.0.113.1")).isInstanceOf(RateLimited.class);
        assertThat(acks.view(world.ackToken(incident.id(), "v-2"), ip).alert().recipientId()).isEqualTo("v-2");
    }
}
