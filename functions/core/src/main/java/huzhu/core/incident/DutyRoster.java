package huzhu.core.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The officers' duty roster (排班): which leader is on duty from which day to which (both included, China's
 * calendar). The leaders' escalation levels alert the leaders of the level on duty first ({@link LevelPlanner});
 * a level with nobody on duty alerts all its leaders, as without a roster.
 */
public record DutyRoster(List<Shift> shifts) {
    public static final ZoneId UNION_TIME = ZoneId.of("Asia/Shanghai");
    public static final DutyRoster EMPTY = new DutyRoster(List.of());

    public DutyRoster {
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    /** One leader on duty for a run of days ({@code id}: stable, so its handover SMS goes once). */
    public record Shift(String id, String leaderId, LocalDate from, LocalDate to) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    public boolean onDuty(String leaderId, Instant at) {
        LocalDate day = at.atZone(UNION_TIME).toLocalDate();
        return shifts.stream().anyMatch(s -> s.leaderId().equals(leaderId) && s.covers(day));
    }

    public static LocalDate dayOf(Instant at) {
        return at.atZone(UNION_TIME).toLocalDate();
    }
}
