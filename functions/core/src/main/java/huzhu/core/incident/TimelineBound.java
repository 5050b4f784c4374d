package huzhu.core.incident;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps an incident's history within what one stored incident can hold (a DynamoDB item is at most 400 KB, and
 * accept, escalate and cancel all rewrite the whole incident): past {@link #MAX_ENTRIES} lines or
 * {@link #MAX_TEXT_CHARS} characters of text, counted in every language a line is stored in (at most 3 bytes each in
 * UTF-8: under 200 KB, half the item, the rest left to its alerts and responders), the oldest lines are merged into one
 * that says how many it stands for. What people typed (relayed SMS, officers' notes) is merged first, the steps of
 * the emergency only if that is not enough; the opening line and the newest {@link #NEWEST_KEPT} lines always stay.
 * The relayed words themselves were sent on by SMS when they came.
 */
final class TimelineBound {
    static final int MAX_ENTRIES = 200;
    static final int MAX_TEXT_CHARS = 66_000;
    static final int NEWEST_KEPT = 20;
    static final String MERGED = "merged";
    private static final Set<String> TYPED = Set.of("relay", "note");

    private TimelineBound() {
    }

    static List<TimelineEntry> bounded(List<TimelineEntry> timeline, Language language) {
        if (timeline.size() <= MAX_ENTRIES && chars(timeline) <= MAX_TEXT_CHARS) return timeline;
        List<TimelineEntry> kept = new ArrayList<>(timeline);
        int merged = 0;
        Instant oldest = null;
        int place = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).merged() > 0) {
                TimelineEntry earlier = kept.remove(i);
                merged += earlier.merged();
                oldest = earlier.at();
                place = i;
                break;
            }
        }
        int chars = chars(kept);
        for (boolean typedOnly : new boolean[] {true, false}) {
            int i = 1;
            while (i < kept.size() - NEWEST_KEPT && (kept.size() + 1 > MAX_ENTRIES || chars > MAX_TEXT_CHARS)) {
                TimelineEntry e = kept.get(i);
                if (typedOnly && !TYPED.contains(e.kind())) {
                    i++;
                    continue;
                }
                kept.remove(i);
                chars -= length(e);
                merged++;
                if (oldest == null || (e.at() != null && e.at().isBefore(oldest))) oldest = e.at();
                place = place < 0 ? i : Math.min(place, i);
            }
        }
        if (merged == 0) return timeline;
        Language lang = language == null ? Language.ZH_CN : language;
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language l : Language.values()) texts.put(l.wire(), Messages.text(l, "timeline.merged", Map.of("count", merged)));
        kept.add(Math.max(place, 0), new TimelineEntry(oldest, MERGED, texts.get(lang.wire()), null, null, texts, merged));
        return kept;
    }

    private static int chars(List<TimelineEntry> timeline) {
        int sum = 0;
        for (TimelineEntry e : timeline) sum += length(e);
        return sum;
    }

    /** The line's text and its translations: all of it is stored. */
    private static int length(TimelineEntry e) {
        int sum = e.text() == null ? 0 : e.text().length();
        for (String t : e.texts().values()) sum += t == null ? 0 : t.length();
        return sum;
    }
}
