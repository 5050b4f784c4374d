package huzhu.core.care;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.care.FollowUpService.FollowUpInput;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Care after the emergency: a planned visit, later made. */
class FollowUpServiceTest {
    private static final Actor OFFICER = new Actor("sub-officer", "陈主席");

    private World world;
    private FollowUpService followUps;

    @BeforeEach
    void anIncidentWithAPlannedVisit() {
        world = new World();
        followUps = world.services.followUps();
        world.memory.incidents().create(Fixtures.incident("inc-1").member("m-1").build());
    }

    @Test
    void aPlannedVisit_markedDone_keepsItsIncidentMemberAndCreationTime() {
        // given
        FollowUp planned = followUps.create("inc-1", new FollowUpInput("visit", "2026-03-09", null, List.of("周干事"),
                null, null, null), OFFICER);
        world.later(3600);

        // when
        FollowUp done = followUps.update(planned.id(), new FollowUpInput("visit", "2026-03-09", "2026-03-08",
                List.of("周干事", "陈主席"), "送去慰问金", new BigDecimal("500"), "done"), OFFICER);

        // then
        assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(done.doneDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(done.incidentId()).isEqualTo("inc-1");
        assertThat(done.memberId()).isEqualTo("m-1");
        assertThat(done.createdAt()).isEqualTo(T0);
        assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(world.memory.followUps().get(planned.id())).contains(done);
    }

    @Test
    void aDoneDateAlone_makesTheFollowUpDone() {
        // given
        FollowUp planned = followUps.create("inc-1", new FollowUpInput("assistance", null, null, null, null, null,
                null), OFFICER);

        // when
        FollowUp done = followUps.update(planned.id(), new FollowUpInput("assistance", null, "2026-03-10", null, null,
                null, null), OFFICER);

        // then
        assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
    }

    @Test
    void updating_anUnknownFollowUp_isNotFound_andAnInvalidOne_changesNothing() {
        // given
        FollowUp planned = followUps.create("inc-1", new FollowUpInput("visit", "2026-03-09", null, null, null, null,
                null), OFFICER);

        // when / then
        assertThatThrownBy(() -> followUps.update("nope", new FollowUpInput("visit", null, null, null, null, null, null),
                OFFICER)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> followUps.update(planned.id(), new FollowUpInput(null, "someday", null, null, null,
                new BigDecimal("-1"), "maybe"), OFFICER))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("kind", "dueDate", "amount", "status"));
        assertThat(world.memory.followUps().get(planned.id())).contains(planned);
    }
}
