package huzhu.local;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Just enough phone handling for the local routes: national CN mobiles and E.164 in, E.164 out. The services apply
 * the full rules themselves; a phone in a log line is masked by core's {@code PhoneMask}.
 */
public final class Phones {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

    private Phones() {
    }

    /** {@code 13800138000}, {@code +86 138-0013-8000}, {@code 008613800138000} → {@code +8613800138000}. */
    public static Optional<String> normalise(String input) {
        if (input == null) return Optional.empty();
        String s = SEPARATORS.matcher(input.strip()).replaceAll("");
        if (s.startsWith("00")) s = "+" + s.substring(2);
        if (CN_MOBILE.matcher(s).matches()) s = "+86" + s;
        return E164.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    public static boolean isE164(String s) {
        return s != null && E164.matcher(s).matches();
    }
}
