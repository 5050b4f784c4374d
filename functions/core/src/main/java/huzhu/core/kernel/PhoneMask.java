package huzhu.core.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers never reach a log in full: {@code +8613800138000} becomes {@code +86138****8000}
 * (the four digits before the last four are hidden, as Chinese carriers and banks print them).
 */
public final class PhoneMask {
    /*
     * E.164 (+ and 7 to 15 digits), or a CN mobile (1[3-9] and 9 more digits, optionally +86/86 in
     * front and spaces or dashes in the usual 3-4-4 places). The boundaries keep digits inside ids,
     * epoch millis or longer numbers from matching.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9A-Za-z+])(?:\\+[1-9]\\d{6,14}|(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4})(?![0-9A-Za-z])");

    private PhoneMask() {
    }

    /** The number with the four digits before its last four replaced by {@code *}; null stays null. */
    public static String mask(String phone) {
        if (phone == null) return null;
        int digits = 0;
        for (int i = 0; i < phone.length(); i++) {
            if (Character.isDigit(phone.charAt(i))) digits++;
        }
        // Short numbers would keep too little hidden: show only the last two digits.
        int hideFrom = digits >= 8 ? digits - 8 : 0;
        int hideTo = digits >= 8 ? digits - 4 : Math.max(0, digits - 2);
        StringBuilder out = new StringBuilder(phone.length());
        int seen = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (!Character.isDigit(c)) {
                out.append(c);
                continue;
            }
            out.append(seen >= hideFrom && seen < hideTo ? '*' : c);
            seen++;
        }
        return out.toString();
    }

    /** Masks every phone number found in free text (log messages, exception messages). */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = PHONE.matcher(text);
        if (!m.find()) return text;
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
