package huzhu.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.ServiceConfig;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Hashes;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member's printed card reprints the link that works now; only a new link on purpose stops the old one. */
class PersonalLinksTest {
    private static final Actor ADMIN = new Actor("u-1", "周干事");

    private World world;
    private DirectoryService directory;

    @BeforeEach
    void aMember() {
        world = new World();
        directory = world.services.directory();
        world.add(Fixtures.member("m-1").name("王建国").build());
    }

    @Test
    void reprintingTheCard_givesTheLinkThatWorksNow_andRotatesNothing() {
        // given the family has the first link
        DirectoryService.TriggerLink issued = directory.issueTriggerLink("m-1", ADMIN);

        // when the card is printed twice
        DirectoryService.TriggerLink first = directory.currentTriggerLink("m-1", ADMIN);
        DirectoryService.TriggerLink second = directory.currentTriggerLink("m-1", ADMIN);

        // then it is the same link, and it still opens the member
        assertThat(first).isEqualTo(issued);
        assertThat(second).isEqualTo(issued);
        assertThat(world.services.trigger().memberFor(issued.token()).id()).isEqualTo("m-1");
    }

    @Test
    void aNewLink_stopsTheOldOne_andIsWhatTheCardPrintsFromThen() {
        // given
        DirectoryService.TriggerLink old = directory.issueTriggerLink("m-1", ADMIN);

        // when
        DirectoryService.TriggerLink renewed = directory.issueTriggerLink("m-1", ADMIN);

        // then
        assertThat(renewed.token()).isNotEqualTo(old.token());
        assertThatThrownBy(() -> world.services.trigger().memberFor(old.token())).isInstanceOf(NotFound.class);
        assertThat(directory.currentTriggerLink("m-1", ADMIN)).isEqualTo(renewed);
    }

    @Test
    void aMemberWithoutALink_hasNoneToPrint() {
        assertThatThrownBy(() -> directory.currentTriggerLink("m-1", ADMIN))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("link"));
    }

    @Test
    void aRandomTokenOfTheOldKind_stillWorks_butCannotBeReprinted() {
        // given a link issued before links could be made again
        world.memory.triggerTokens().bind("m-1", Hashes.sha256("printed-card-token"));

        // when / then
        assertThat(world.services.trigger().memberFor("printed-card-token").id()).isEqualTo("m-1");
        assertThatThrownBy(() -> directory.currentTriggerLink("m-1", ADMIN))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("link_not_reprintable"));
    }

    @Test
    void tokens_madeUnderAnotherUnionsKey_differ_andDoNotOpenThisUnionsMembers() {
        // given
        String ours = World.CONFIG.personalLinkTokens().token("m-1", 1);
        String theirs = new ServiceConfig("https://other.example", null).personalLinkTokens().token("m-1", 1);

        // then
        assertThat(ours).hasSize(PersonalLinkTokens.TOKEN_CHARS).isNotEqualTo(theirs);
        assertThat(ours).isNotEqualTo(World.CONFIG.personalLinkTokens().token("m-2", 1))
                .isNotEqualTo(World.CONFIG.personalLinkTokens().token("m-1", 2));
    }

    @Test
    void aDeadLink_saysWhatToDoInstead_call120() {
        assertThatThrownBy(() -> world.services.trigger().memberFor("nobody-holds-this-token"))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.messageKey()).startsWith("error.link.dead"));
    }
}
