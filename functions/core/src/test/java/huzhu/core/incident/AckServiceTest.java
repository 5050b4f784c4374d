package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.incident.AckService.AckResult;
import huzhu.core.incident.AckService.AckView;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link in an alert SMS (GET/POST /v1/acks/{ackToken}): one person, one incident. */
class AckServiceTest {
    private World world;
    private AckService acks;
    private Incident incident;

    @BeforeEach
    void twoVolunteersAlerted() {
        world = new World();
        acks = world.services.ack();
        Member member = world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).build());
        world.add(Fixtures.liNa().build());
        world.add(Fixtures.zhangWei().build());
        incident = world.openFor(member, member.phone(), null);
    }

    private String tokenOf(String volunteerId) {
        return world.ackToken(incident.id(), volunteerId);
    }

    @Test
    void theTokenInTheSmsLink_opensThatPersonsViewOfTheIncident() {
        // given
        String token = tokenOf("v-1");
        assertThat(world.messenger.bodiesTo(phone(11)).get(0)).contains("/v1/acks/" + token);

        // when
        AckView view = acks.view(token);

        // then
        assertThat(view.incident().id()).isEqualTo(incident.id());
        assertThat(view.alert().recipientId()).isEqualTo("v-1");
        assertThat(view.member().name()).isEqualTo("王小明");
    }

    @Test
    void accept_thenASecondAccept_isToldWhoTookIt() {
        // when
        AckResult first = acks.act(tokenOf("v-1"), " Accept ");
        AckResult second = acks.act(tokenOf("v-2"), "accept");

        // then
        assertThat(first.status()).isEqualTo("acknowledged");
        assertThat(first.message()).contains(incident.code());
        assertThat(second.message()).contains(incident.code(), "李娜");
        assertThat(world.incident(incident.id()).responders()).hasSize(1);
    }

    @Test
    void anUnknownToken_orAClosedIncidentsToken_opensNothing() {
        // given
        String token = tokenOf("v-1");
        world.dispatcher().cancel(incident.id(), "误报", "刘干事");

        // when / then
        assertThatThrownBy(() -> acks.view(token)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> acks.view("no-such-token")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> acks.view("")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> acks.act(token, "accept")).isInstanceOf(NotFound.class);
        assertThat(world.incident(incident.id()).status()).isEqualTo(IncidentStatus.CANCELLED);
    }

    @Test
    void anUnknownAction_isInvalid_onTheActionField() {
        assertThatThrownBy(() -> acks.act(tokenOf("v-1"), "maybe"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsExactly(entry("action", "invalid.action")));
        assertThatThrownBy(() -> acks.act(tokenOf("v-1"), null))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsExactly(entry("action", "invalid.required")));
    }
}
