package huzhu.core.incident;

import java.time.Duration;
import java.util.Map;

/**
 * When a district counts as in surge, and how it is handled, per deployment (README, "Surge"):
 * <ul>
 * <li>{@code incidents}: a district is in surge once MORE than this many incidents opened there within
 * {@code window} are still active. Default 5 in 10 minutes: a district's handful of volunteers (2 to 5, each taking
 * one at a time by default) cannot take more at once, and an ordinary night brings one or two in a whole day;</li>
 * <li>{@code calm}: it ends once the district has had no new incident for this long and no more than
 * {@code incidents} are still waiting, so the one-SMS-per-incident rules can carry the rest without a flood.
 * Default 15 minutes, longer than the window, so a second wave does not start a second surge at once;</li>
 * <li>{@code summaryInterval}: leaders get one summary per level per interval instead of one SMS per incident.
 * Default 10 minutes: at most six an hour per level, and never longer than the first leaders' level (5 minutes)
 * plus one summary without news of an incident that reached them.</li>
 * </ul>
 */
public record SurgeSettings(int incidents, Duration window, Duration calm, Duration summaryInterval) {
    public static final SurgeSettings DEFAULTS = new SurgeSettings(5, Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(10));

    static final String INCIDENTS = "HUZHU_SURGE_INCIDENTS";
    static final String WINDOW = "HUZHU_SURGE_WINDOW_SECONDS";
    static final String CALM = "HUZHU_SURGE_CALM_SECONDS";
    static final String SUMMARY = "HUZHU_SURGE_SUMMARY_SECONDS";

    public SurgeSettings {
        if (incidents < 1 || window.isZero() || window.isNegative() || calm.isZero() || calm.isNegative()
                || summaryInterval.isZero() || summaryInterval.isNegative()) {
            throw new IllegalArgumentException("surge settings must be positive");
        }
    }

    /** Read once at init; a bad value stops the function, naming the variable. */
    public static SurgeSettings from(Map<String, String> env) {
        return new SurgeSettings(
                number(env, INCIDENTS, DEFAULTS.incidents(), 1, 10_000),
                Duration.ofSeconds(number(env, WINDOW, (int) DEFAULTS.window().toSeconds(), 1, 86_400)),
                Duration.ofSeconds(number(env, CALM, (int) DEFAULTS.calm().toSeconds(), 1, 86_400)),
                Duration.ofSeconds(number(env, SUMMARY, (int) DEFAULTS.summaryInterval().toSeconds(), 1, 86_400)));
    }

    private static int number(Map<String, String> env, String name, int dflt, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(name + " must be a whole number from " + min + " to " + max + ", not '"
                + raw.strip() + "'");
    }
}
