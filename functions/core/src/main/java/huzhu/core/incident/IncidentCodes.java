package huzhu.core.incident;

import huzhu.core.kernel.Ids;
import java.util.Set;

/**
 * Short codes people can type in an SMS reply: a letter and two digits ("K27"), no I or O to confuse
 * with 1 and 0. Unique among active incidents; 2,400 codes are plenty for one union.
 */
public final class IncidentCodes {
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int SPACE = LETTERS.length() * 100;

    private IncidentCodes() {
    }

    public static String next(Ids ids, Set<String> activeCodes) {
        for (int attempt = 0; attempt < 64; attempt++) {
            String code = code(ids.nextInt(SPACE));
            if (!activeCodes.contains(code)) return code;
        }
        for (int n = 0; n < SPACE; n++) { // a crowded table: walk it rather than guess forever
            String code = code(n);
            if (!activeCodes.contains(code)) return code;
        }
        throw new IllegalStateException("more than " + SPACE + " active incidents");
    }

    private static String code(int n) {
        // not String.format: its Formatter and locale data are some 80 classes on a cold start's first alert
        int number = n % 100;
        return LETTERS.charAt(n / 100) + (number < 10 ? "0" : "") + number;
    }
}
