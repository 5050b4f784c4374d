package huzhu.core.service;

import huzhu.core.model.Incident;
import huzhu.core.model.IncidentStatus;
import huzhu.core.model.Member;
import huzhu.core.model.TimelineEntry;
import huzhu.core.model.Volunteer;
import huzhu.core.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers the union reports on: how often, how fast, and where nobody could come. Escalation lateness
 * counts the deadline-driven steps (escalated, repeated, exhausted) taken within the period, of the
 * incidents created in it.
 */
public final class ReportService {
    static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

    private final Store store;
    private final Clock clock;

    public ReportService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Percentiles(Long p50, Long p90) {
    }

    /** How late deadline-driven escalations came, in milliseconds; null figures when there were none. */
    public record Lateness(int count, Long p50, Long p99, Long max) {
    }

    public record Summary(Instant from, Instant to, int incidents, int acknowledged, int escalated, int cancelled,
            int resolved, Percentiles mttaSeconds, Map<String, Integer> byType, Map<String, Integer> byMonth,
            Lateness escalationLatenessMs) {
    }

    public record MemberGap(String id, String name, String city, String district) {
    }

    public record Coverage(List<MemberGap> membersWithoutFamilyContact, List<MemberGap> membersWithoutVolunteer,
            List<MemberGap> membersWithoutVolunteerInCity) {
    }

    /** {@code from}/{@code to} may be null: the last year up to now. */
    public Summary summary(Instant from, Instant to) {
        Instant end = to != null ? to : clock.instant().plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) throw huzhu.core.error.Invalid.of("from", "invalid.range");
        List<Incident> incidents = store.createdBetween(start, end);
        int acknowledged = 0;
        int escalated = 0;
        int cancelled = 0;
        int resolved = 0;
        List<Long> ackSeconds = new ArrayList<>();
        List<Long> latenessMs = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byMonth = new TreeMap<>();
        for (Incident i : incidents) {
            if (i.acknowledgedAt() != null) {
                acknowledged++;
                ackSeconds.add(Duration.between(i.createdAt(), i.acknowledgedAt()).toSeconds());
            }
            if (i.escalations() > 0) escalated++;
            for (TimelineEntry e : i.timeline()) {
                if (e.deadline() != null && !e.at().isBefore(start) && e.at().isBefore(end)) {
                    latenessMs.add(e.lateness().toMillis());
                }
            }
            if (i.status() == IncidentStatus.CANCELLED) cancelled++;
            if (i.status() == IncidentStatus.RESOLVED) resolved++;
            byType.merge(i.type().wire(), 1, Integer::sum);
            byMonth.merge(i.createdAt().toString().substring(0, 7), 1, Integer::sum);
        }
        ackSeconds.sort(null);
        latenessMs.sort(null);
        return new Summary(start, end, incidents.size(), acknowledged, escalated, cancelled, resolved,
                new Percentiles(percentile(ackSeconds, 50), percentile(ackSeconds, 90)), byType, byMonth,
                new Lateness(latenessMs.size(), percentile(latenessMs, 50), percentile(latenessMs, 99),
                        latenessMs.isEmpty() ? null : latenessMs.get(latenessMs.size() - 1)));
    }

    /** Nearest-rank percentile; null when there is nothing to measure. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public Coverage coverage() {
        List<MemberGap> noFamily = new ArrayList<>();
        List<MemberGap> noVolunteer = new ArrayList<>();
        List<MemberGap> noVolunteerInCity = new ArrayList<>();
        Map<String, List<Volunteer>> byCity = new TreeMap<>();
        for (Member m : store.members().all()) {
            MemberGap gap = new MemberGap(m.id(), m.name(), m.homeArea() == null ? null : m.homeArea().city(),
                    m.homeArea() == null ? null : m.homeArea().district());
            if (m.familyContacts().isEmpty()) noFamily.add(gap);
            if (m.homeArea() == null || m.homeArea().city() == null) {
                noVolunteerInCity.add(gap);
                noVolunteer.add(gap);
                continue;
            }
            List<Volunteer> onDuty = byCity.computeIfAbsent(m.homeArea().city(),
                    c -> store.volunteersInCity(c).stream().filter(Volunteer::onDuty).toList());
            if (onDuty.isEmpty()) noVolunteerInCity.add(gap);
            if (onDuty.stream().noneMatch(v -> m.homeArea().sameDistrict(v.area()))) noVolunteer.add(gap);
        }
        return new Coverage(noFamily, noVolunteer, noVolunteerInCity);
    }
}
