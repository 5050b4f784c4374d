package huzhu.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Actor;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads of personal data: who, what, how many; a screen redrawing the same records is one entry, not hundreds. */
class AuditedReadsTest {
    private static final Actor VIEWER = new Actor("sub-viewer", "viewer@union.example");
    private static final Actor OFFICER = new Actor("sub-officer", "officer@union.example");

    private final World world = new World();
    private final AuditService audit = world.services.audit();

    private List<AuditEntry> log() {
        return world.memory.audit().list(null, null, PageRequest.first(200)).items();
    }

    @Test
    void aRead_saysWhoReadWhatAndHowMany() {
        // when
        audit.recordRead(VIEWER, "search", "member", null, "query=138****8000", List.of("m-1", "m-2"));

        // then
        assertThat(log()).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("sub-viewer");
            assertThat(e.actorName()).isEqualTo("viewer@union.example");
            assertThat(e.action()).isEqualTo("search");
            assertThat(e.targetKind()).isEqualTo("member");
            assertThat(e.targetLabel()).isEqualTo("query=138****8000");
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.at()).isEqualTo(world.clock.instant());
        });
    }

    @Test
    void theSameReadRepeatedWithinTheWindow_isOneEntry_butNewRecordsAnotherPersonOrALaterWindowAreRecorded() {
        // given the board polling the active incidents every five seconds
        for (int i = 0; i < 100; i++) {
            audit.recordRead(OFFICER, "list", "incident", null, "status=active", List.of("inc-1"));
            world.later(5);
        }
        assertThat(log()).hasSize(1);

        // when a new incident appears, another officer looks, and the window passes
        audit.recordRead(OFFICER, "list", "incident", null, "status=active", List.of("inc-2", "inc-1"));
        audit.recordRead(VIEWER, "list", "incident", null, "status=active", List.of("inc-2", "inc-1"));
        world.clock.advance(AuditService.READ_WINDOW);
        audit.recordRead(OFFICER, "list", "incident", null, "status=active", List.of("inc-2", "inc-1"));

        // then
        assertThat(log()).hasSize(4).extracting(AuditEntry::count).containsOnly(1, 2);
    }

    @Test
    void aChange_carriesNoCount() {
        // when
        audit.record(OFFICER, "update", "member", "m-1", "王建国");

        // then
        assertThat(log()).singleElement().satisfies(e -> assertThat(e.count()).isNull());
    }
}
