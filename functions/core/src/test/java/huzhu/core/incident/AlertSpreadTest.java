package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Area;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertSpreadTest {
    private static final Area HOME = new Area("杭州", "西湖区");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Alert alert(String volunteer, Instant sentAt, AlertStatus status) {
        return new Alert(volunteer, RecipientKind.VOLUNTEER, volunteer, "+8613800000000", Language.ZH_CN, 0, sentAt,
                status, null, null, 1, null, false);
    }

    private static Incident incident(String id, IncidentStatus status, Alert... alerts) {
        Fixtures.IncidentFixture f = Fixtures.incident(id).status(status);
        for (Alert a : alerts) f.alert(a);
        return f.build();
    }

    private static List<Volunteer> volunteers(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> Fixtures.volunteer(id).build()).toList();
    }

    @Test
    void recentAlerts_countsOutstandingVolunteerAlertsOfTheLastMinute_andPlannedOnes() {
        // given
        Instant now = T0.plusSeconds(120);
        List<Incident> active = List.of(
                incident("i-1", IncidentStatus.OPEN, alert("v-1", now.minusSeconds(10), AlertStatus.SENT),
                        alert("v-2", now.minusSeconds(61), AlertStatus.SENT)),
                incident("i-2", IncidentStatus.OPEN, alert("v-1", null, AlertStatus.SENT),
                        alert("v-3", now.minusSeconds(5), AlertStatus.DECLINED)),
                incident("i-3", IncidentStatus.OPEN, alert("v-1", now.minusSeconds(60), AlertStatus.SENT)),
                incident("mine", IncidentStatus.OPEN, alert("v-1", now, AlertStatus.SENT)));

        // when
        Map<String, Integer> recent = AlertSpread.recentAlerts(active, "mine", now, MINUTE);

        // then: an answered alert, an older one and the incident being planned do not count
        assertThat(recent).containsExactlyInAnyOrderEntriesOf(Map.of("v-1", 3));
    }

    @Test
    void recentAlerts_ignoresLeaders() {
        // given
        Alert leader = new Alert("l-1", RecipientKind.LEADER, "刘干事", "+8613800000001", Language.ZH_CN, 1, T0,
                AlertStatus.SENT, null, null, 1, null, false);

        // when / then
        assertThat(AlertSpread.recentAlerts(List.of(incident("i-1", IncidentStatus.OPEN, leader)), "x", T0, MINUTE))
                .isEmpty();
    }

    @Test
    void saturated_areThoseAtOrOverTheLimit() {
        assertThat(AlertSpread.saturated(Map.of("v-1", 3, "v-2", 2, "v-3", 7), 3)).containsExactlyInAnyOrder("v-1", "v-3");
    }

    @Test
    void choose_passesOverBusyVolunteers_whileOthersAreAvailable() {
        // when
        List<Volunteer> chosen = AlertSpread.choose(HOME, null, volunteers("v-1", "v-2", "v-3"), Map.of(), Set.of(),
                Map.of("v-1", 3), 3, 2);

        // then
        assertThat(chosen).extracting(Volunteer::id).containsExactly("v-2", "v-3");
    }

    @Test
    void choose_takesTheBusyOnes_whenNobodyElseIsAvailable() {
        // when
        List<Volunteer> chosen = AlertSpread.choose(HOME, null, volunteers("v-1", "v-2"), Map.of(), Set.of("v-2"),
                Map.of("v-1", 5), 3, 2);

        // then
        assertThat(chosen).extracting(Volunteer::id).containsExactly("v-1");
    }

    @Test
    void choose_neverTakesSomeoneAtMaxActive_busyOrNot() {
        // when
        List<Volunteer> chosen = AlertSpread.choose(HOME, null, volunteers("v-1"), Map.of("v-1", 1), Set.of(),
                Map.of("v-1", 5), 3, 2);

        // then
        assertThat(chosen).isEmpty();
    }

    @Test
    void choose_belowTheLimit_isNearbyVolunteersAsIs() {
        // given
        List<Volunteer> inCity = volunteers("v-1", "v-2", "v-3");

        // when / then
        assertThat(AlertSpread.choose(HOME, null, inCity, Map.of(), Set.of(), Map.of("v-1", 2), 3, 2))
                .isEqualTo(NearbyVolunteers.choose(HOME, null, inCity, Map.of(), Set.of(), 2));
    }
}
