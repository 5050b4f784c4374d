package huzhu.core.report;

import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.IntroductionStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Months;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers the union reports on: how often, how fast, and where nobody could come. Escalation lateness
 * counts the deadline-driven steps (escalated, repeated, exhausted) taken within the period, of the
 * incidents created in it.
 */
public final class ReportService {
    static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final IntroductionStore introductions;
    private final Clock clock;

    public ReportService(IncidentStore incidents, DirectoryStore directory, IntroductionStore introductions, Clock clock) {
        this.incidents = incidents;
        this.directory = directory;
        this.introductions = introductions;
        this.clock = clock;
    }

    public record Percentiles(Long p50, Long p90) {
    }

    /** How late deadline-driven escalations came, in milliseconds; null figures when there were none. */
    public record Lateness(int count, Long p50, Long p99, Long max) {
    }

    /**
     * {@code escalationRate} is escalated / incidents (null without incidents); {@code byType} and
     * {@code byMonth} count incidents, {@code types} and {@code months} (every month of the period, UTC,
     * oldest first) break every measure down the same way, for the console's charts.
     */
    public record Summary(Instant from, Instant to, int incidents, int acknowledged, int escalated, int cancelled,
            int resolved, Percentiles mttaSeconds, Double escalationRate, Map<String, Integer> byType,
            Map<String, Integer> byMonth, List<Slice> types, List<Slice> months, Lateness escalationLatenessMs) {
    }

    /** The measures of one type or one month ({@code key}: "medical", "2026-03"). */
    public record Slice(String key, int incidents, int acknowledged, int escalated, Double escalationRate,
            Percentiles mttaSeconds) {
    }

    public record MemberGap(String id, String name, String city, String district) {
    }

    public record VolunteerGap(String id, String name, String city, String district, Instant optedOutAt) {
    }

    public record Coverage(List<MemberGap> membersWithoutFamilyContact, List<MemberGap> membersWithoutVolunteer,
            List<MemberGap> membersWithoutVolunteerInCity, List<VolunteerGap> volunteersOptedOut,
            FamilyReach familyReach) {
    }

    /**
     * How far family onboarding got: of the members with family contacts, the families reached — at least
     * one of their current contacts got the introduction SMS — and each contact's count by its introduction's
     * state ({@code notIntroduced}: never asked). {@code familiesNotReached} lists the members whose families are not.
     */
    public record FamilyReach(int families, int familiesReached, int contacts, int contactsReached, int pending,
            int failed, int notIntroduced, List<MemberGap> familiesNotReached) {
    }

    /** {@code from}/{@code to} may be null: the last year up to now. */
    public Summary summary(Instant from, Instant to) {
        Instant end = to != null ? to : clock.instant().plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) throw huzhu.core.error.Invalid.of("from", "invalid.range");
        List<Incident> incidents = this.incidents.createdBetween(start, end);
        int cancelled = 0;
        int resolved = 0;
        Tally all = new Tally();
        List<Long> latenessMs = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byMonth = new TreeMap<>();
        Map<String, Tally> types = new TreeMap<>();
        Map<String, Tally> months = new TreeMap<>();
        for (String month : Months.between(start, end)) months.put(month, new Tally());
        for (Incident i : incidents) {
            String type = i.type().wire();
            String month = Months.of(i.createdAt());
            // a death in a member's family is recorded as an incident but is no emergency: it is counted by type,
            // and left out of the response measures (taken in hand at once, it would flatter the time to acknowledge)
            if (i.type() == IncidentType.BEREAVEMENT) {
                byType.merge(type, 1, Integer::sum);
                continue;
            }
            all.add(i);
            types.computeIfAbsent(type, k -> new Tally()).add(i);
            months.computeIfAbsent(month, k -> new Tally()).add(i);
            for (TimelineEntry e : i.timeline()) {
                if (e.deadline() != null && !e.at().isBefore(start) && e.at().isBefore(end)) {
                    latenessMs.add(e.lateness().toMillis());
                }
            }
            if (i.status() == IncidentStatus.CANCELLED) cancelled++;
            if (i.status() == IncidentStatus.RESOLVED) resolved++;
            byType.merge(type, 1, Integer::sum);
            byMonth.merge(month, 1, Integer::sum);
        }
        latenessMs.sort(null);
        return new Summary(start, end, all.incidents, all.acknowledged, all.escalated, cancelled, resolved,
                all.mtta(), all.escalationRate(), byType, byMonth, slices(types), slices(months),
                new Lateness(latenessMs.size(), percentile(latenessMs, 50), percentile(latenessMs, 99),
                        latenessMs.isEmpty() ? null : latenessMs.get(latenessMs.size() - 1)));
    }

    private static List<Slice> slices(Map<String, Tally> tallies) {
        List<Slice> out = new ArrayList<>();
        tallies.forEach((key, t) -> out.add(new Slice(key, t.incidents, t.acknowledged, t.escalated,
                t.escalationRate(), t.mtta())));
        return out;
    }

    /** Counts and acknowledgement times of a set of incidents. */
    private static final class Tally {
        int incidents;
        int acknowledged;
        int escalated;
        final List<Long> ackSeconds = new ArrayList<>();

        void add(Incident i) {
            incidents++;
            if (i.acknowledgedAt() != null) {
                acknowledged++;
                ackSeconds.add(Duration.between(i.createdAt(), i.acknowledgedAt()).toSeconds());
            }
            if (i.escalations() > 0) escalated++;
        }

        Percentiles mtta() {
            List<Long> sorted = new ArrayList<>(ackSeconds);
            sorted.sort(null);
            return new Percentiles(percentile(sorted, 50), percentile(sorted, 90));
        }

        Double escalationRate() {
            if (incidents == 0) return null;
            return Math.round(escalated * 1000.0 / incidents) / 1000.0;
        }
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
        for (Member m : directory.members().all()) {
            MemberGap gap = new MemberGap(m.id(), m.name(), m.homeCity(),
                    m.homeArea() == null ? null : m.homeArea().district());
            if (m.familyContacts().isEmpty()) noFamily.add(gap);
            if (m.homeCity() == null) {
                noVolunteerInCity.add(gap);
                noVolunteer.add(gap);
                continue;
            }
            List<Volunteer> onDuty = byCity.computeIfAbsent(m.homeCity(),
                    c -> directory.volunteersInCity(c).stream().filter(Volunteer::onDuty).toList());
            if (onDuty.isEmpty()) noVolunteerInCity.add(gap);
            if (onDuty.stream().noneMatch(v -> m.homeArea().sameDistrict(v.area()))) noVolunteer.add(gap);
        }
        FamilyReach reach = familyReach();
        List<VolunteerGap> optedOut = new ArrayList<>();
        for (Volunteer v : directory.volunteers().all()) {
            if (v.hasOptedOut()) {
                optedOut.add(new VolunteerGap(v.id(), v.name(), v.city(),
                        v.area() == null ? null : v.area().district(), v.optedOutAt()));
            }
        }
        return new Coverage(noFamily, noVolunteer, noVolunteerInCity, optedOut, reach);
    }

    private FamilyReach familyReach() {
        Map<String, FamilyIntroduction> byKey = new HashMap<>();
        for (FamilyIntroduction i : introductions.all()) byKey.put(i.memberId() + " " + i.phone(), i);
        int families = 0;
        int familiesReached = 0;
        int contacts = 0;
        int reached = 0;
        int pending = 0;
        int failed = 0;
        int never = 0;
        List<MemberGap> notReached = new ArrayList<>();
        for (Member m : directory.members().all()) {
            Set<String> phones = new LinkedHashSet<>();
            m.familyContacts().forEach(c -> phones.add(c.phone()));
            if (phones.isEmpty()) continue;
            families++;
            boolean any = false;
            for (String phone : phones) {
                contacts++;
                FamilyIntroduction i = byKey.get(m.id() + " " + phone);
                if (i == null) never++;
                else if (i.reached()) {
                    reached++;
                    any = true;
                } else if (i.status() == IntroductionStatus.FAILED) failed++;
                else pending++;
            }
            if (any) familiesReached++;
            else notReached.add(new MemberGap(m.id(), m.name(), m.homeCity(),
                    m.homeArea() == null ? null : m.homeArea().district()));
        }
        return new FamilyReach(families, familiesReached, contacts, reached, pending, failed, never, notReached);
    }
}
