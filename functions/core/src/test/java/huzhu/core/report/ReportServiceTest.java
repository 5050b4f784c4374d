package huzhu.core.report;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Months;
import huzhu.core.report.ReportService.Coverage;
import huzhu.core.report.ReportService.MemberGap;
import huzhu.core.report.ReportService.Percentiles;
import huzhu.core.report.ReportService.Slice;
import huzhu.core.report.ReportService.Summary;
import huzhu.core.report.ReportService.VolunteerGap;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/reports/summary and /v1/reports/coverage. */
class ReportServiceTest {
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    private World world;
    private ReportService reports;
    private int n;

    @BeforeEach
    void aUnion() {
        world = new World();
        reports = world.services.reports();
    }

    /** An incident created at {@code at}, acknowledged {@code ackSeconds} later (null: never). */
    private void incident(Instant at, Integer ackSeconds, IncidentStatus status, IncidentType type, int escalations) {
        world.memory.incidents().create(Fixtures.incident("inc-" + ++n).createdAt(at).status(status).type(type)
                .acknowledgedAt(ackSeconds == null ? null : at.plusSeconds(ackSeconds)).escalations(escalations)
                .build());
    }

    private void acknowledgedAfter(int... seconds) {
        for (int s : seconds) incident(T0, s, IncidentStatus.ACKNOWLEDGED, IncidentType.MEDICAL, 0);
    }

    // ---------------------------------------------------------------- summary

    @Test
    void summary_countsWhatHappened() {
        // given
        incident(T0, 60, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(T0, 400, IncidentStatus.ACKNOWLEDGED, IncidentType.MEDICAL, 2);
        incident(T0, null, IncidentStatus.CANCELLED, IncidentType.FIRE, 1);
        incident(T0, null, IncidentStatus.OPEN, IncidentType.ACCIDENT, 0);
        incident(T0, 30, IncidentStatus.CANCELLED, IncidentType.OTHER, 0);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.incidents()).isEqualTo(5);
        assertThat(summary.acknowledged()).isEqualTo(3);
        assertThat(summary.escalated()).isEqualTo(2);
        assertThat(summary.cancelled()).isEqualTo(2);
        assertThat(summary.resolved()).isEqualTo(1);
        assertThat(summary.byType()).containsOnly(entry("medical", 2), entry("fire", 1), entry("accident", 1),
                entry("other", 1));
        assertThat(summary.byMonth()).containsOnly(entry("2026-03", 5));
        assertThat(summary.from()).isEqualTo(FROM);
        assertThat(summary.to()).isEqualTo(TO);
    }

    @Test
    void aDeathInTheFamily_isCountedByType_butLeftOutOfTheEmergencyMeasures() {
        // given an emergency acknowledged after 300 s, and a bereavement taken in hand at once
        incident(T0, 300, IncidentStatus.ACKNOWLEDGED, IncidentType.MEDICAL, 0);
        incident(T0, 0, IncidentStatus.ACKNOWLEDGED, IncidentType.BEREAVEMENT, 0);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.incidents()).isEqualTo(1);
        assertThat(summary.mttaSeconds()).isEqualTo(new Percentiles(300L, 300L));
        assertThat(summary.byType()).containsOnly(entry("medical", 1), entry("bereavement", 1));
    }

    @Test
    void mtta_isTheNearestRankPercentile_ofTheSecondsToAcknowledge() {
        // given: ten incidents acknowledged after 10, 20 … 100 s, listed out of order
        acknowledgedAfter(70, 10, 100, 40, 20, 90, 30, 60, 50, 80);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then: p50 is the 5th of 10, p90 the 9th
        assertThat(summary.mttaSeconds()).isEqualTo(new Percentiles(50L, 90L));
    }

    @Test
    void mtta_ofThreeIncidents_roundsTheRankUp() {
        // given
        acknowledgedAfter(30, 10, 20);

        // when / then: p50 rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3
        assertThat(reports.summary(FROM, TO).mttaSeconds()).isEqualTo(new Percentiles(20L, 30L));
    }

    @Test
    void mtta_ofOneIncident_isThatIncident() {
        // given
        acknowledgedAfter(42);

        // when / then
        assertThat(reports.summary(FROM, TO).mttaSeconds()).isEqualTo(new Percentiles(42L, 42L));
    }

    @Test
    void mtta_withNothingAcknowledged_isNull_notZero() {
        // given
        incident(T0, null, IncidentStatus.OPEN, IncidentType.MEDICAL, 0);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.mttaSeconds()).isEqualTo(new Percentiles(null, null));
        assertThat(summary.incidents()).isEqualTo(1);
    }

    @Test
    void summary_countsOnlyIncidentsCreatedInTheRange_fromInclusive_toExclusive() {
        // given
        incident(FROM.minusSeconds(1), 10, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(FROM, 20, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(TO.minusSeconds(1), 30, IncidentStatus.RESOLVED, IncidentType.FIRE, 0);
        incident(TO, 40, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.incidents()).isEqualTo(2);
        assertThat(summary.mttaSeconds()).isEqualTo(new Percentiles(20L, 30L));
    }

    @Test
    void summary_withoutARange_coversTheLastYearUpToNow() {
        // given
        incident(T0.minusSeconds(366L * 24 * 3600), 10, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(T0.minusSeconds(30L * 24 * 3600), 20, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(T0, 30, IncidentStatus.ACKNOWLEDGED, IncidentType.MEDICAL, 0);

        // when
        Summary summary = reports.summary(null, null);

        // then
        assertThat(summary.incidents()).isEqualTo(2);
        assertThat(summary.byMonth()).containsOnlyKeys("2026-01", "2026-03");
    }

    @Test
    void summary_ofAnEmptyOrBackwardRange_isInvalid() {
        assertThatThrownBy(() -> reports.summary(TO, FROM))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("from"));
        assertThatThrownBy(() -> reports.summary(FROM, FROM)).isInstanceOf(Invalid.class);
    }

    @Test
    void summary_ofRealIncidents_measuresTheTimeToTheFirstAccept() {
        // given
        world.add(Fixtures.member("m-1").build());
        world.add(Fixtures.volunteer("v-1").build());
        Incident incident = world.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "胸口疼",
                null, new Reporter(null, null, Channel.HTTP, true), null));
        world.later(95);
        world.dispatcher().respond(incident.id(), "v-1", Action.ACCEPT);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.mttaSeconds()).isEqualTo(new Percentiles(95L, 95L));
        assertThat(summary.escalated()).isZero();
    }

    @Test
    void escalationRate_isTheShareOfIncidentsThatEscalated_byTypeToo() {
        // given three medical incidents, one escalated, and one fire that escalated twice
        incident(T0, 60, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(T0, 400, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 1);
        incident(T0, 90, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(T0, null, IncidentStatus.CANCELLED, IncidentType.FIRE, 2);

        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.escalationRate()).isEqualTo(0.5);
        assertThat(summary.types()).containsExactly(
                new Slice("fire", 1, 0, 1, 1.0, new Percentiles(null, null)),
                new Slice("medical", 3, 3, 1, 0.333, new Percentiles(90L, 400L)));
    }

    @Test
    void escalationRate_withoutIncidents_isNull_notZero() {
        // when
        Summary summary = reports.summary(FROM, TO);

        // then
        assertThat(summary.escalationRate()).isNull();
        assertThat(summary.incidents()).isZero();
    }

    @Test
    void months_coverEveryMonthOfThePeriod_quietOnesToo_withTheirOwnTimesToAcknowledge() {
        // given incidents in January and March, none in February
        Instant january = Instant.parse("2026-01-15T10:00:00Z");
        Instant march = Instant.parse("2026-03-31T23:59:59Z");
        incident(january, 100, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 1);
        incident(march, 20, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);
        incident(march, 40, IncidentStatus.RESOLVED, IncidentType.ACCIDENT, 0);

        // when
        Summary summary = reports.summary(Instant.parse("2026-01-01T00:00:00Z"), TO);

        // then
        assertThat(summary.months()).extracting(Slice::key).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(summary.months().get(0)).isEqualTo(new Slice("2026-01", 1, 1, 1, 1.0, new Percentiles(100L, 100L)));
        assertThat(summary.months().get(1)).isEqualTo(new Slice("2026-02", 0, 0, 0, null, new Percentiles(null, null)));
        assertThat(summary.months().get(2).mttaSeconds()).isEqualTo(new Percentiles(20L, 40L));
        assertThat(summary.byMonth()).containsOnly(entry("2026-01", 1), entry("2026-03", 2));
    }

    @Test
    void months_ofAVeryLongPeriod_areTheLastTenYears_plusAnyOlderMonthWithIncidents() {
        // given
        incident(Instant.parse("2001-05-05T00:00:00Z"), 10, IncidentStatus.RESOLVED, IncidentType.MEDICAL, 0);

        // when
        Summary summary = reports.summary(Instant.parse("2000-01-01T00:00:00Z"), TO);

        // then
        assertThat(summary.months()).hasSize(Months.MAX_MONTHS + 1);
        assertThat(summary.months().get(0).key()).isEqualTo("2001-05");
        assertThat(summary.months().get(summary.months().size() - 1).key()).isEqualTo("2026-03");
    }

    // ---------------------------------------------------------------- coverage

    @Test
    void coverage_listsVolunteersWhoOptedOut_withWhen() {
        // given
        Instant when = T0.plusSeconds(3600);
        world.add(Fixtures.volunteer("v-1").name("刘强").area("武汉市", "江汉区").build());
        world.add(Fixtures.volunteer("v-2").name("赵敏").area("武汉市", "江汉区").build().optedOut(when));
        world.add(Fixtures.volunteer("v-3").name("孙伟").onDuty(false).build());

        // when
        Coverage coverage = reports.coverage();

        // then
        assertThat(coverage.volunteersOptedOut()).containsExactly(
                new VolunteerGap("v-2", "赵敏", "武汉市", "江汉区", when));
    }

    @Test
    void coverage_listsMembersWithoutAFamilyContact() {
        // given
        world.add(Fixtures.member("m-1").name("有家属").family("王建国", "父亲", Fixtures.phone(2)).build());
        world.add(Fixtures.member("m-2").name("无家属").build());
        world.add(Fixtures.volunteer("v-1").build());

        // when
        Coverage coverage = reports.coverage();

        // then
        assertThat(coverage.membersWithoutFamilyContact()).containsExactly(
                new MemberGap("m-2", "无家属", "杭州", "西湖区"));
    }

    @Test
    void coverage_listsMembersWhoseHomeAreaHasNoOnDutyVolunteer() {
        // given
        world.add(Fixtures.member("m-covered").home("杭州", "西湖区").build());
        world.add(Fixtures.member("m-offduty").home("杭州", "拱墅区").build());
        world.add(Fixtures.member("m-nocity").home("宁波", "海曙区").build());
        world.add(Fixtures.volunteer("v-1").area("杭州", "西湖区").build());
        world.add(Fixtures.volunteer("v-2").area("杭州", "拱墅区").onDuty(false).build());

        // when
        Coverage coverage = reports.coverage();

        // then
        assertThat(coverage.membersWithoutVolunteer()).extracting(MemberGap::id)
                .containsExactly("m-nocity", "m-offduty");
        assertThat(coverage.membersWithoutVolunteerInCity()).extracting(MemberGap::id)
                .containsExactly("m-nocity");
    }

    @Test
    void coverage_ofAMemberWithoutAHomeArea_countsAsUncovered() {
        // given
        world.memory.directory().members().insert(new Member("m-1", "无地址", Fixtures.phone(1), null, null,
                null, null, List.of(), null, T0, T0));

        // when
        Coverage coverage = reports.coverage();

        // then
        assertThat(coverage.membersWithoutVolunteer()).containsExactly(new MemberGap("m-1", "无地址", null, null));
        assertThat(coverage.membersWithoutVolunteerInCity()).extracting(MemberGap::id).containsExactly("m-1");
    }

    @Test
    void coverage_ofAFullyCoveredUnion_isEmpty() {
        // given
        world.add(Fixtures.member("m-1").family("王建国", "父亲", Fixtures.phone(2)).build());
        world.add(Fixtures.volunteer("v-1").build());

        // when
        Coverage coverage = reports.coverage();

        // then
        assertThat(coverage.membersWithoutFamilyContact()).isEmpty();
        assertThat(coverage.membersWithoutVolunteer()).isEmpty();
        assertThat(coverage.membersWithoutVolunteerInCity()).isEmpty();
    }
}
