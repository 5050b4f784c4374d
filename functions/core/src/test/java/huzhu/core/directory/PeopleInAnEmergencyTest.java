package huzhu.core.directory;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.care.BereavementService.BereavementInput;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.FamilyContact;
import huzhu.core.error.Conflict;
import huzhu.core.incident.Incident;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Messages;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody an active incident depends on leaves the directory from under it: the member it is about, the family
 * contacts who talk to the responders, the volunteers and leaders alerted or coming. Afterwards they can go.
 */
class PeopleInAnEmergencyTest {
    private World world;
    private DirectoryService directory;
    private Member member;
    private Incident incident;

    @BeforeEach
    void anOpenIncident_forAMemberWithTwoFamilyContacts_withTwoNeighboursAlerted() {
        world = new World();
        directory = world.services.directory();
        member = world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).home("武汉市", "江汉区")
                .family("王德福", "父亲", phone(2)).family("李桂兰", "母亲", phone(3)).build());
        world.add(Fixtures.member("m-2").name("赵六").phone(phone(4)).home("武汉市", "江汉区").build());
        world.add(Fixtures.volunteer("v-1").name("刘强").phone(phone(11)).area("武汉市", "江汉区").build());
        world.add(Fixtures.zhangWei().area("武汉市", "江汉区").build());
        world.add(Fixtures.volunteer("v-far").name("远方").phone(phone(13)).area("成都市", "武侯区").build());
        world.add(Fixtures.leader("l-1").name("周干事").phone(phone(21)).level(1).build());
        incident = world.openFor(member, phone(2), "王德福");
    }

    private static void assertInvolved(Runnable delete, String name, String code) {
        assertThatThrownBy(delete::run).isInstanceOfSatisfying(Conflict.class, e -> {
            assertThat(e.code()).isEqualTo("involved_in_incident");
            String message = Messages.bilingual(e.messageKey(), e.args());
            assertThat(message).startsWith(name).contains(code).contains("进行中").contains(" / ")
                    .contains("active incident");
        });
    }

    @Test
    void theMember_cannotBeDeleted_whileTheirIncidentIsActive_andCanOnceItIsClosed() {
        // when / then
        assertInvolved(() -> directory.deleteMember("m-1"), "王建国", incident.code());
        assertThat(world.memory.directory().members().get("m-1")).isPresent();

        // and once it is over
        world.dispatcher().cancel(incident.id(), "误报", "周干事");
        directory.deleteMember("m-1");
        assertThat(world.memory.directory().members().get("m-1")).isEmpty();
    }

    @Test
    void aFamilyContact_cannotBeRemoved_whileTheMembersIncidentIsActive_butOneCanBeAdded() {
        // when removing the mother
        MemberInput withoutMother = new MemberInput("王建国", phone(1), null, new AreaInput("武汉市", "江汉区"), null,
                null, List.of(new FamilyContactInput("王德福", "父亲", phone(2))), null);

        // then
        assertInvolved(() -> directory.updateMember("m-1", withoutMother), "李桂兰", incident.code());
        assertThat(world.memory.directory().members().get("m-1").orElseThrow().familyContacts()).hasSize(2);

        // and adding a brother, keeping both parents, is fine
        directory.updateMember("m-1", new MemberInput("王建国", phone(1), null, new AreaInput("武汉市", "江汉区"), null,
                null, List.of(new FamilyContactInput("王德福", "父亲", phone(2)),
                        new FamilyContactInput("李桂兰", "妈妈", phone(3)),
                        new FamilyContactInput("王小二", "弟弟", phone(5))), null));
        assertThat(world.memory.directory().members().get("m-1").orElseThrow().familyContacts()).hasSize(3);
    }

    @Test
    void afterADeathInTheFamily_theDeceasedIsRemovedFromTheContacts_theUnionsHelpIsNoEmergency() {
        // given the emergency is over, and the father's death is recorded for the union to help
        world.dispatcher().cancel(incident.id(), "已送医", "周干事");
        world.services.bereavements().record(new BereavementInput("m-1", "父亲", "王德福", null, null, null, null, null),
                Actor.SYSTEM);

        // when
        directory.updateMember("m-1", new MemberInput("王建国", phone(1), null, new AreaInput("武汉市", "江汉区"), null,
                null, List.of(new FamilyContactInput("李桂兰", "母亲", phone(3))), null));

        // then
        assertThat(world.memory.incidents().active()).isNotEmpty();
        assertThat(world.memory.directory().members().get("m-1").orElseThrow().familyContacts())
                .extracting(FamilyContact::name).containsExactly("李桂兰");
    }

    @Test
    void anAlertedVolunteer_andTheOneWhoAccepted_cannotBeDeleted_untilTheIncidentCloses() {
        // given v-1 accepted; v-2 was stood down
        world.services.ack().act(world.ackToken(incident.id(), "v-1"), "accept");

        // then
        assertInvolved(() -> directory.deleteVolunteer("v-1"), "刘强", incident.code());
        directory.deleteVolunteer("v-2");
        directory.deleteVolunteer("v-far");
        assertThat(world.memory.directory().volunteers().all()).extracting(Volunteer::id).containsExactly("v-1");

        world.dispatcher().resolve(incident.id(), "已送医", null, "周干事");
        directory.deleteVolunteer("v-1");
        assertThat(world.memory.directory().volunteers().all()).isEmpty();
    }

    @Test
    void anAlertedLeader_cannotBeDeleted_whileTheyMayStillAnswer() {
        // given nobody answered: the incident moves up to the leaders
        world.services.incidents().escalate(incident.id(), huzhu.core.kernel.Actor.SYSTEM);
        assertThat(world.incident(incident.id()).alertFor("l-1")).isPresent();

        // then
        assertInvolved(() -> directory.deleteLeader("l-1"), "周干事", incident.code());
        assertThat(world.memory.directory().leaders().get("l-1")).isPresent();
    }

    @Test
    void peopleNoActiveIncidentNeeds_areDeletedAsBefore() {
        // when
        directory.deleteMember("m-2");

        // then
        assertThat(world.memory.directory().members().get("m-2")).isEmpty();
        assertThat(Map.of("m-1", world.memory.directory().members().get("m-1").isPresent())).containsEntry("m-1", true);
    }
}
