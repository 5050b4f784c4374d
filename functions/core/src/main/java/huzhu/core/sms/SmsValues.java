package huzhu.core.sms;

import huzhu.core.kernel.Text;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a value becomes a template variable: cleaned as people's text is ({@link Text#clean}), links taken out of
 * what people typed (no provider takes a link in a variable, and a relayed link is how phishing spreads),
 * signature brackets neutralised (【…】 inside a text would pass for a sender's signature), a +86 number in the
 * national form the domestic providers' phone variables want, and cut on a character boundary.
 * Lengths are counted in characters as the providers count them: code points, so an emoji is one.
 */
final class SmsValues {
    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:https?://|www\\.)[!-~]*|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|cn|net|org|gov|edu|cc|top|xyz|io|me|co|info|vip|site|link|ly)\\b(?:[/:?#][!-~]*)?");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private SmsValues() {
    }

    static String prepare(VariableType type, Object raw, SmsProvider provider) {
        if (raw == null) return "";
        String s = Text.clean(String.valueOf(raw));
        if (type == VariableType.FREE_TEXT) s = SPACES.matcher(LINK.matcher(s).replaceAll(" ")).replaceAll(" ").strip();
        if (type != VariableType.LINK) s = s.replace('【', '(').replace('】', ')');
        if (type == VariableType.PHONE && provider.templatesOnly() && s.startsWith("+86")) s = s.substring(3);
        return s;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * At most {@code max} characters, ending with {@code ellipsis} when something was cut; never splits a
     * character (a surrogate pair, a letter and its combining marks).
     */
    static String cut(String s, int max, String ellipsis) {
        if (length(s) <= max) return s;
        int room = max - length(ellipsis);
        if (room <= 0) return ellipsis;
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(s);
        int end = 0;
        for (int b = characters.next(); b != BreakIterator.DONE; b = characters.next()) {
            if (s.codePointCount(0, b) > room) break;
            end = b;
        }
        return s.substring(0, end).stripTrailing() + ellipsis;
    }
}
