package huzhu.core.report;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.report.ReportService.Lateness;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/reports/summary: how late the deadline-driven escalations of the period came. */
class EscalationLatenessReportTest {
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    private World world;
    private int n;

    @BeforeEach
    void aUnion() {
        world = new World();
    }

    /** An incident with one deadline-driven step per lateness given, in milliseconds. */
    private void escalatedLate(Instant createdAt, long... latenessMs) {
        Fixtures.IncidentFixture f = Fixtures.incident("inc-" + ++n).createdAt(createdAt).status(IncidentStatus.OPEN)
                .note(new TimelineEntry(createdAt, "opened", "收到求助", "family"))
                .note(new TimelineEntry(createdAt.plusSeconds(1), "escalated", "值班人员手动升级到第1级", "刘干事"));
        Instant deadline = createdAt.plusSeconds(180);
        for (long ms : latenessMs) {
            f.note(new TimelineEntry(deadline.plusMillis(ms), "escalated", "超时无人接单", "system", deadline));
            deadline = deadline.plusSeconds(300);
        }
        world.memory.incidents().create(f.build());
    }

    @Test
    void lateness_isTheNearestRankPercentile_ofEveryDeadlineDrivenStep_inMilliseconds() {
        // given: 100 steps late by 1 … 100 ms, over 50 incidents, and officers' escalations that carry no deadline
        for (int i = 0; i < 50; i++) escalatedLate(T0, 100 - i, 1 + i);

        // when
        Lateness lateness = world.services.reports().summary(FROM, TO).escalationLatenessMs();

        // then
        assertThat(lateness).isEqualTo(new Lateness(100, 50L, 99L, 100L));
    }

    @Test
    void lateness_countsOnlyStepsTakenInThePeriod() {
        // given: one incident created just before the end, escalated after it
        escalatedLate(TO.minusSeconds(10), 700);
        escalatedLate(T0, 1500);

        // when
        Lateness lateness = world.services.reports().summary(FROM, TO).escalationLatenessMs();

        // then
        assertThat(lateness).isEqualTo(new Lateness(1, 1500L, 1500L, 1500L));
    }

    @Test
    void lateness_withNoEscalation_isEmpty_notZero() {
        // given
        escalatedLate(T0);

        // when / then
        assertThat(world.services.reports().summary(FROM, TO).escalationLatenessMs())
                .isEqualTo(new Lateness(0, null, null, null));
    }
}
