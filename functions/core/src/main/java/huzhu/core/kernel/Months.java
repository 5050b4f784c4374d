package huzhu.core.kernel;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Calendar months in UTC, like every time in the API: what reports count by. */
public final class Months {
    /** A report shows at most the last ten years, month by month. */
    public static final int MAX_MONTHS = 120;

    private Months() {
    }

    /** "2026-03" for any instant of March 2026 (UTC). */
    public static String of(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    /** Every month from start to end (exclusive), so a chart shows the quiet months too (at most {@link #MAX_MONTHS}). */
    public static List<String> between(Instant start, Instant end) {
        YearMonth last = YearMonth.from(end.minusNanos(1).atOffset(ZoneOffset.UTC));
        YearMonth first = YearMonth.from(start.atOffset(ZoneOffset.UTC));
        if (first.isBefore(last.minusMonths(MAX_MONTHS - 1))) first = last.minusMonths(MAX_MONTHS - 1);
        List<String> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) out.add(m.toString());
        return out;
    }
}
