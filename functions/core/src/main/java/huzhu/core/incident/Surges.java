package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.none;
import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.audit.AuditService;
import huzhu.core.directory.Area;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Volunteer;
import huzhu.core.group.GroupFact.DistrictSurge.Stage;
import huzhu.core.incident.AlertDelivery.Planned;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flood control for one district at a time ({@link Surge}, {@link SurgeSettings}). Opening an incident checks its
 * district (on what the open path read anyway; the surge record only when the district is busy) and starts the
 * surge when too many opened within the window: one conditional write, so one writer starts it and records it
 * (timeline, audit log, the officers' first summary). While it is on, the incidents' leaders' levels are summarized
 * ({@link LevelPlanner}), each leaders' level gets one summary per interval, volunteers get offers only for free
 * places ({@link SurgeOffers}), and the minute sweep offers waiting incidents to volunteers who became free and ends
 * the surge once the district is calm. The union's groups hear of the district with the officers' summaries, not of
 * each incident. Every incident keeps its own timeline, deadlines and escalation record.
 */
final class Surges {
    /** The leaders' level of the duty officers, who coordinate a surge: they hear of it first and last. */
    static final int OFFICERS = 1;

    private final SurgeStore surges;
    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final IncidentChanges changes;
    private final AlertDelivery delivery;
    private final Outbound out;
    private final LeaderNews news;
    private final IncidentTexts texts;
    private final AuditService audit;
    private final SurgeSettings settings;
    private final Clock clock;

    Surges(SurgeStore surges, IncidentStore incidents, DirectoryStore directory, IncidentChanges changes,
            AlertDelivery delivery, Outbound out, LeaderNews news, IncidentTexts texts, AuditService audit,
            SurgeSettings settings, Clock clock) {
        this.surges = surges;
        this.incidents = incidents;
        this.directory = directory;
        this.changes = changes;
        this.delivery = delivery;
        this.out = out;
        this.news = news;
        this.texts = texts;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** What opening an incident found about its district: in surge or not; {@code started} when this open began it. */
    record Opening(boolean on, Surge started, long recent) {
        static final Opening OFF = new Opening(false, null, 0);
    }

    /**
     * Whether a new incident in {@code area} opens into a surge, given the incidents {@code active} before it; starts
     * the surge when more than {@link SurgeSettings#incidents()} opened there within the window. Reads the district's
     * record only when the district is busy (over the threshold, or an incident of its surge still active), so an
     * ordinary open costs nothing more.
     */
    Opening opening(Area area, List<Incident> active, Instant now) {
        if (area == null || area.city() == null || area.district() == null) return Opening.OFF;
        Instant since = now.minus(settings.window());
        long recent = 1;
        boolean marked = false;
        for (Incident i : active) {
            if (!area.equals(i.area())) continue;
            if (!i.createdAt().isBefore(since)) recent++;
            marked |= i.surge();
        }
        boolean over = recent > settings.incidents();
        if (!over && !marked) return Opening.OFF;
        Optional<Surge> stored = surges.get(area);
        if (stored.isPresent() && stored.get().on()) return new Opening(true, null, recent);
        if (!over) return Opening.OFF;
        Surge started = Surge.start(area, now, stored.orElse(null));
        try {
            surges.put(started);
        } catch (StaleWrite someoneElse) {
            return new Opening(surges.get(area).map(Surge::on).orElse(false), null, recent);
        }
        return new Opening(true, started, recent);
    }

    /** The new incident's own record of the surge it opened into (or began). */
    void noteOpened(Incident.Builder b, Opening opening, Instant now) {
        b.surge(true);
        Area area = b.area();
        if (opening.started() != null) {
            b.note(now, "surge-started", texts.timeline("timeline.surgeStarted", Map.of("district",
                    IncidentTexts.districtOf(area), "count", opening.recent(),
                    "minutes", settings.window().toMinutes())), "system");
        } else {
            b.note(now, "surge", texts.timeline("timeline.surgeJoined", Map.of("district",
                    IncidentTexts.districtOf(area))), "system");
        }
    }

    /**
     * What starting a surge takes once the incident that began it is stored and alerted: the log, the audit log, the
     * district's other active incidents joined, and the officers' first summary. A failure here is logged and
     * stops nothing: the minute sweep joins whatever was missed, and summaries follow.
     */
    void started(Surge surge, List<Incident> activeBefore) {
        Area area = surge.area();
        try {
            JsonLog.warn("surge.started", "city", area.city(), "district", area.district(), "action", "surge-start");
            audit.record(Actor.SYSTEM, "surge-start", "area", key(area), label(area));
            for (Incident i : activeBefore) {
                if (area.equals(i.area()) && !i.surge()) join(i.id(), surge.startedAt());
            }
            summarize(area, OFFICERS, clock.instant(), null, Stage.STARTED);
        } catch (RuntimeException e) {
            JsonLog.error("surge.startFailed", e, "city", area.city(), "district", area.district());
        }
    }

    /** After an incident of a surge moved to a leaders' level: that level's summary, if one is due. */
    void afterStep(Incident i) {
        if (!i.surge() || i.status() != IncidentStatus.OPEN || i.area() == null) return;
        PolicyLevel step = i.policy().level(i.level());
        if (step.audience() != Notify.LEADERS || step.leaderLevel() == null) return;
        summarize(i.area(), step.leaderLevel(), clock.instant(), null, groupStage(step.leaderLevel()));
    }

    /**
     * The minute sweep's part: for each surge that is on, its stragglers joined (an incident that opened as it
     * began), the summaries due, offers to volunteers with a free place, or its end once the district is calm.
     * One district that fails does not hold up the others; the first failure is rethrown at the end.
     * @return how many offers went out
     */
    int sweep() {
        List<Surge> on = surges.active();
        if (on.isEmpty()) return 0;
        Instant now = clock.instant();
        List<Incident> active = incidents.active();
        List<Incident> recent = incidents.createdBetween(now.minus(settings.calm()), null);
        int offered = 0;
        RuntimeException first = null;
        for (Surge s : on) {
            try {
                offered += sweep(s, active, recent, now);
            } catch (RuntimeException e) {
                JsonLog.error("surge.sweepFailed", e, "city", s.area().city(), "district", s.area().district());
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return offered;
    }

    private int sweep(Surge s, List<Incident> active, List<Incident> recent, Instant now) {
        Area area = s.area();
        List<Incident> here = active.stream().filter(i -> area.equals(i.area())).toList();
        List<Incident> waiting = here.stream().filter(i -> i.status() == IncidentStatus.OPEN)
                .sorted(SurgeOffers.oldestFirst()).toList();
        boolean quiet = recent.stream().noneMatch(i -> area.equals(i.area()));
        if (quiet && waiting.size() <= settings.incidents()) {
            end(s, here, waiting.size(), now);
            return 0;
        }
        for (Incident i : here) {
            if (!i.surge()) join(i.id(), now);
        }
        Set<Integer> levels = new TreeSet<>();
        if (!waiting.isEmpty()) levels.add(OFFICERS);
        for (Incident i : waiting) levels.addAll(leaderLevelsReached(i));
        for (int leaderLevel : levels) summarize(area, leaderLevel, now, active, groupStage(leaderLevel));
        return offer(area, waiting, active, now);
    }

    /**
     * One summary to the leaders of {@code leaderLevel} if none went to them within the interval: claimed by a
     * conditional write on the surge before it is sent, so two containers never both send it.
     * @param active what was read of the active incidents, null to read them
     * @param groupStage the line the union's groups get with it, null for none (they follow the officers' summaries)
     */
    private void summarize(Area area, int leaderLevel, Instant now, List<Incident> active, Stage groupStage) {
        Surge s = surges.get(area).filter(Surge::on).orElse(null);
        if (s == null || !s.summaryDue(leaderLevel, now, settings.summaryInterval())) return;
        try {
            surges.put(s.summarizedAt(leaderLevel, now));
        } catch (StaleWrite someoneElse) {
            return;
        }
        List<Incident> here = (active != null ? active : incidents.active()).stream()
                .filter(i -> area.equals(i.area())).toList();
        List<Incident> waiting = here.stream().filter(i -> i.status() == IncidentStatus.OPEN).toList();
        long taken = here.stream().filter(i -> i.status() == IncidentStatus.ACKNOWLEDGED).count();
        long oldest = SurgeOffers.oldestWaitMinutes(waiting, now);
        List<Leader> leaders = directory.leadersAtLevel(leaderLevel);
        for (Leader l : leaders) {
            out.send(l.phone(), null, texts.surgeSummary(l.language(), area, waiting.size(), oldest, taken));
        }
        JsonLog.info("surge.summary", "city", area.city(), "district", area.district(), "leaderLevel", leaderLevel,
                "waiting", waiting.size(), "taken", taken, "leaders", leaders.size());
        if (groupStage != null) news.surge(area, groupStage, waiting.size(), (int) taken, oldest);
    }

    private static Stage groupStage(int leaderLevel) {
        return leaderLevel == OFFICERS ? Stage.CONTINUING : null;
    }

    /** The district is calm: one writer ends the surge, and the incidents still active are handled one by one again. */
    private void end(Surge s, List<Incident> here, long waiting, Instant now) {
        Area area = s.area();
        try {
            surges.put(s.ended(now));
        } catch (StaleWrite someoneElse) {
            return;
        }
        JsonLog.info("surge.ended", "city", area.city(), "district", area.district(), "action", "surge-end",
                "waiting", waiting);
        audit.record(Actor.SYSTEM, "surge-end", "area", key(area), label(area));
        for (Incident i : here) {
            if (i.surge()) leave(i.id(), now);
        }
        for (Leader officer : directory.leadersAtLevel(OFFICERS)) {
            out.send(officer.phone(), null, texts.surgeEnded(officer.language(), area, waiting));
        }
        int handled = (int) here.stream().filter(i -> i.status() == IncidentStatus.ACKNOWLEDGED).count();
        news.surge(area, Stage.ENDED, (int) waiting, handled, SurgeOffers.oldestWaitMinutes(
                here.stream().filter(i -> i.status() == IncidentStatus.OPEN).toList(), now));
    }

    /** Offers waiting incidents to every volunteer of the city with a free place, the district's own first. */
    private int offer(Area area, List<Incident> waiting, List<Incident> active, Instant now) {
        if (waiting.isEmpty()) return 0;
        Map<String, Integer> busy = SurgeOffers.busy(active);
        List<Volunteer> free = directory.volunteersInCity(area.city()).stream()
                .filter(v -> area.sameCity(v.area()) && SurgeOffers.free(v, busy))
                .sorted(Comparator.comparing((Volunteer v) -> !area.sameDistrict(v.area())).thenComparing(Volunteer::id))
                .toList();
        Set<String> offeredNow = new HashSet<>();
        int offered = 0;
        for (Volunteer v : free) {
            List<Incident> left = new ArrayList<>(waiting);
            for (int place = busy.getOrDefault(v.id(), 0); place < v.maxActive(); place++) {
                Incident next = SurgeOffers.incidentFor(v, left, offeredNow).orElse(null);
                if (next == null) break;
                left.remove(next);
                if (offerTo(next.id(), v, now)) {
                    offeredNow.add(next.id());
                    offered++;
                }
            }
        }
        return offered;
    }

    /** One offer, planned in a conditional write (so it goes out once) and sent through the outbox. */
    private boolean offerTo(String incidentId, Volunteer v, Instant now) {
        Planned planned = changes.change(incidentId, current -> {
            int level = volunteersLevel(current.policy());
            if (current.status() != IncidentStatus.OPEN || level < 0 || current.alertFor(v.id()).isPresent()) {
                return none(new Planned(current, List.of()));
            }
            Alert offer = Alert.intent(v.id(), RecipientKind.VOLUNTEER, v.name(), v.phone(), v.language(), level,
                    now.plus(LevelPlanner.SEND_LEASE));
            Incident.Builder b = current.edit().replaceAlert(offer);
            b.note(now, "offered", texts.timeline("timeline.surgeOffered", Map.of("name", v.name())), "system");
            return write(b, updated -> new Planned(updated, List.of(offer)));
        });
        if (planned.intents().isEmpty()) return false;
        delivery.deliver(planned, List.of(), null, false);
        return true;
    }

    private void join(String incidentId, Instant now) {
        mark(incidentId, true, now);
    }

    private void leave(String incidentId, Instant now) {
        mark(incidentId, false, now);
    }

    /** Sets or clears an incident's surge mark, with its timeline line; one failing incident stops nothing. */
    private void mark(String incidentId, boolean on, Instant now) {
        try {
            changes.change(incidentId, current -> {
                if (!current.active() || current.surge() == on || current.area() == null) return none(current);
                String district = IncidentTexts.districtOf(current.area());
                Incident.Builder b = current.edit().surge(on);
                b.note(now, on ? "surge" : "surge-ended", texts.timeline(on ? "timeline.surgeJoined"
                        : "timeline.surgeEnded", Map.of("district", district)), "system");
                return write(b);
            });
        } catch (RuntimeException e) {
            JsonLog.error("surge.markFailed", e, "incidentId", incidentId, "surge", on);
        }
    }

    /** The leaders' levels an open incident has reached so far: its current level and every one before it. */
    private static Set<Integer> leaderLevelsReached(Incident i) {
        Set<Integer> out = new TreeSet<>();
        for (PolicyLevel l : i.policy().levels()) {
            if (l.level() <= i.level() && l.audience() == Notify.LEADERS && l.leaderLevel() != null) {
                out.add(l.leaderLevel());
            }
        }
        return out;
    }

    /** The policy's volunteers' level (the first that notifies nearby volunteers), or -1. */
    private static int volunteersLevel(EscalationPolicy policy) {
        return policy.levels().stream().filter(l -> l.audience() == Notify.NEARBY_VOLUNTEERS)
                .mapToInt(PolicyLevel::level).findFirst().orElse(-1);
    }

    static String key(Area area) {
        return area.city() + "/" + area.district();
    }

    private String label(Area area) {
        return texts.timeline("audit.surge.label", Map.of("city", area.city(), "district", area.district())).text();
    }
}
