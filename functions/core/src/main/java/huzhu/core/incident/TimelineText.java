package huzhu.core.incident;

import java.util.Map;

/**
 * A line for an incident's timeline: {@code text} in the union's language, {@code texts} the same in every
 * language (see {@link TimelineEntry#texts()}).
 */
public record TimelineText(String text, Map<String, String> texts) {
    public TimelineText {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }
}
