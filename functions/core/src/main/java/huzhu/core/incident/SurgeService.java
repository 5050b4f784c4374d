package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Volunteer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the console shows of the districts in surge: for each, its incidents counted by status since the surge
 * began, those still waiting for someone (oldest first, with who has an offer), and its volunteers with their free
 * places, so that an officer can hand a waiting incident to a free volunteer in one step.
 */
public final class SurgeService {
    private final SurgeStore surges;
    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final Clock clock;

    public SurgeService(SurgeStore surges, IncidentStore incidents, DirectoryStore directory, Clock clock) {
        this.surges = surges;
        this.incidents = incidents;
        this.directory = directory;
        this.clock = clock;
    }

    /** One district in surge, as the console shows it. */
    public record AreaOverview(Area area, Instant startedAt, Map<String, Long> counts, List<Waiting> waiting,
            List<Helper> volunteers) {
    }

    /** An incident nobody has accepted yet; {@code offeredTo}: volunteers with an offer they have not answered. */
    public record Waiting(String id, String code, IncidentType type, Instant createdAt, long waitingSeconds, int level,
            boolean exhausted, String address, List<String> offeredTo) {
    }

    /** A volunteer of the district's city on duty: places taken (held, offered) and free. */
    public record Helper(String id, String name, Area area, int maxActive, int holding, int offers, int free) {
    }

    /** Every district in surge now, the one that began first first. */
    public List<AreaOverview> active() {
        List<Surge> on = surges.active();
        if (on.isEmpty()) return List.of();
        Instant now = clock.instant();
        List<Incident> active = incidents.active();
        Instant earliest = on.stream().map(Surge::startedAt).min(Comparator.naturalOrder()).orElse(now);
        List<Incident> since = incidents.createdBetween(earliest, null);
        return on.stream().sorted(Comparator.comparing(Surge::startedAt))
                .map(s -> overview(s, active, since, now)).toList();
    }

    private AreaOverview overview(Surge s, List<Incident> active, List<Incident> since, Instant now) {
        Area area = s.area();
        Map<String, Incident> here = new LinkedHashMap<>();
        Stream.concat(active.stream(), since.stream().filter(i -> !i.createdAt().isBefore(s.startedAt())))
                .filter(i -> area.equals(i.area())).forEach(i -> here.putIfAbsent(i.id(), i));
        Map<IncidentStatus, Long> byStatus = new EnumMap<>(IncidentStatus.class);
        for (IncidentStatus st : IncidentStatus.values()) byStatus.put(st, 0L);
        here.values().forEach(i -> byStatus.merge(i.status(), 1L, Long::sum));
        Map<String, Long> counts = new LinkedHashMap<>();
        byStatus.forEach((st, n) -> counts.put(st.wire(), n));
        List<Waiting> waiting = here.values().stream().filter(i -> i.status() == IncidentStatus.OPEN)
                .sorted(SurgeOffers.oldestFirst()).map(i -> waiting(i, now)).toList();
        Map<String, Integer> busy = SurgeOffers.busy(active);
        Map<String, Integer> holding = new LinkedHashMap<>();
        active.forEach(i -> i.responders().forEach(r -> holding.merge(r.recipientId(), 1, Integer::sum)));
        List<Helper> helpers = directory.volunteersInCity(area.city()).stream()
                .filter(v -> v.onDuty() && area.sameCity(v.area()))
                .sorted(Comparator.comparing((Volunteer v) -> !area.sameDistrict(v.area())).thenComparing(Volunteer::name)
                        .thenComparing(Volunteer::id))
                .map(v -> {
                    int taken = busy.getOrDefault(v.id(), 0);
                    int held = holding.getOrDefault(v.id(), 0);
                    return new Helper(v.id(), v.name(), v.area(), v.maxActive(), held, taken - held,
                            Math.max(0, v.maxActive() - taken));
                }).toList();
        return new AreaOverview(area, s.startedAt(), counts, waiting, helpers);
    }

    private static Waiting waiting(Incident i, Instant now) {
        List<String> offeredTo = i.alerts().stream()
                .filter(a -> a.recipientKind() == RecipientKind.VOLUNTEER && a.status().outstanding())
                .map(Alert::name).toList();
        return new Waiting(i.id(), i.code(), i.type(), i.createdAt(),
                Math.max(0, Duration.between(i.createdAt(), now).toSeconds()), i.level(), i.exhausted(),
                i.location() == null ? null : i.location().address(), offeredTo);
    }
}
