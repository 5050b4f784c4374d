package huzhu.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough phone handling for the local routes: national CN mobiles and E.164 in, E.164 out,
 * and masking for logs ({@code +86138****8000}). The services apply the full rules themselves.
 */
public final class Phones {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{7,15}");

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

    /** Hides the four digits before the last four: {@code +86138****8000}, {@code 138****8000}. */
    public static String mask(String phone) {
        if (phone == null) return null;
        if (phone.length() <= 8) return "****";
        int n = phone.length();
        return phone.substring(0, n - 8) + "****" + phone.substring(n - 4);
    }

    /** Masks every run of digits in free text that could be a phone number. */
    public static String maskAll(String text) {
        if (text == null) return null;
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        m.appendTail(out);
        return out.toString();
    }
}
