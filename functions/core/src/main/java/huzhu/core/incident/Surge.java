package huzhu.core.incident;

import huzhu.core.directory.Area;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One district in surge: more incidents opened there within a short window than its volunteers and leaders can take
 * one SMS at a time (see {@link SurgeSettings}). While it is on, the district's incidents are handled together:
 * leaders get one summary per level per interval ({@code summarized}: when each leaders' level last got one),
 * volunteers are offered incidents a few at a time. One record per area, reused by the area's next surge; every
 * change is a conditional write on {@code version}, so one writer starts it, sends a summary or ends it.
 */
public record Surge(Area area, Instant startedAt, Instant endedAt, Map<Integer, Instant> summarized, long version) {
    public Surge {
        summarized = summarized == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(summarized));
    }

    /** A new surge in {@code area}, replacing {@code before} (the area's last one, ended), if any. */
    static Surge start(Area area, Instant at, Surge before) {
        return new Surge(area, at, null, Map.of(), before == null ? 1 : before.version() + 1);
    }

    public boolean on() {
        return endedAt == null;
    }

    Surge summarizedAt(int leaderLevel, Instant at) {
        Map<Integer, Instant> next = new TreeMap<>(summarized);
        next.put(leaderLevel, at);
        return new Surge(area, startedAt, endedAt, next, version + 1);
    }

    Surge ended(Instant at) {
        return new Surge(area, startedAt, at, summarized, version + 1);
    }

    /** Whether a summary to this leaders' level may go out now: none yet this surge, or the last one an interval ago. */
    boolean summaryDue(int leaderLevel, Instant now, java.time.Duration interval) {
        Instant last = summarized.get(leaderLevel);
        return last == null || !last.plus(interval).isAfter(now);
    }
}
