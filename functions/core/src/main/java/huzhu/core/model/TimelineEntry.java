package huzhu.core.model;

import java.time.Instant;

/** One line of an incident's history. {@code kind} is a stable word (e.g. "escalated"); {@code text} is for people. */
public record TimelineEntry(Instant at, String kind, String text, String actor) {
}
