package huzhu.core.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of an incident's history. {@code kind} is a stable word (e.g. "escalated"); {@code text} is for
 * people. {@code deadline} is set on the steps a deadline caused (escalated, repeated, exhausted), so that
 * {@code at - deadline} is how late the step came. {@code merged} is set on the one line that stands for older lines
 * merged to keep the history within its bound ({@link TimelineBound}): how many it stands for.
 */
public record TimelineEntry(Instant at, String kind, String text, String actor, Instant deadline, int merged) {

    public TimelineEntry(Instant at, String kind, String text, String actor, Instant deadline) {
        this(at, kind, text, actor, deadline, 0);
    }

    public TimelineEntry(Instant at, String kind, String text, String actor) {
        this(at, kind, text, actor, null);
    }

    /** How late a deadline-driven step came; null for every other entry. */
    public Duration lateness() {
        return deadline == null || at == null ? null : Duration.between(deadline, at);
    }
}
