package huzhu.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of an incident's history. {@code kind} is a stable word (e.g. "escalated"); {@code text} is for
 * people, in the union's language. {@code texts} holds the same line in every language the system speaks (by
 * language tag: "zh-CN", "en"), so a console switched to English reads the history in English too; it is empty
 * for what a person wrote (an officer's note, a reporter's words), which stays as written. {@code deadline} is
 * set on the steps a deadline caused (escalated, repeated, exhausted), so that {@code at - deadline} is how late
 * the step came. {@code merged} is set on the one line that stands for older lines merged to keep the history
 * within its bound ({@link TimelineBound}): how many it stands for.
 */
public record TimelineEntry(Instant at, String kind, String text, String actor, Instant deadline,
        Map<String, String> texts, int merged) {

    public TimelineEntry {
        texts = texts == null || texts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    public TimelineEntry(Instant at, String kind, String text, String actor, Instant deadline,
            Map<String, String> texts) {
        this(at, kind, text, actor, deadline, texts, 0);
    }

    public TimelineEntry(Instant at, String kind, String text, String actor) {
        this(at, kind, text, actor, null, Map.of());
    }

    public TimelineEntry(Instant at, String kind, String text, String actor, Instant deadline) {
        this(at, kind, text, actor, deadline, Map.of());
    }

    /** How late a deadline-driven step came; null for every other entry. */
    public Duration lateness() {
        return deadline == null || at == null ? null : Duration.between(deadline, at);
    }
}
