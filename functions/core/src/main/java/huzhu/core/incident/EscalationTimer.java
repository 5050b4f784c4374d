package huzhu.core.incident;

import java.time.Instant;

/**
 * Wakes the escalation check for one incident at its deadline. A timer may fire late, twice or never:
 * the periodic sweep is the safety net and the check itself is idempotent.
 */
public interface EscalationTimer {
    EscalationTimer NONE = (incidentId, level, deadline) -> { };

    void schedule(String incidentId, int level, Instant deadline);
}
