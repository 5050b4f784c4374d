package huzhu.core.incident;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMS words of CONTRACT §5. Matching ignores case, spaces, punctuation and full-width forms, and
 * reads traditional characters as simplified; an incident code may stand before or after the word.
 */
public final class ReplyGrammar {

    public enum Action { ACCEPT, DECLINE, ARRIVED, DONE }

    /** A reply to an alert; {@code code} is null when the sender gave none. */
    public record Reply(Action action, String code) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z]\\d{2}");
    private static final Map<Character, Character> TRADITIONAL = Map.of('達', '达', '訂', '订', '單', '单');

    // Longest words first, so "YES" is not read as "Y" followed by junk.
    private static final List<Map.Entry<String, Action>> WORDS = List.of(
            Map.entry("ARRIVED", Action.ARRIVED),
            Map.entry("DONE", Action.DONE),
            Map.entry("YES", Action.ACCEPT),
            Map.entry("到达", Action.ARRIVED),
            Map.entry("完成", Action.DONE),
            Map.entry("收到", Action.ACCEPT),
            Map.entry("接单", Action.ACCEPT),
            Map.entry("不去", Action.DECLINE),
            Map.entry("NO", Action.DECLINE),
            Map.entry("1", Action.ACCEPT),
            Map.entry("Y", Action.ACCEPT),
            Map.entry("接", Action.ACCEPT),
            Map.entry("0", Action.DECLINE),
            Map.entry("N", Action.DECLINE),
            Map.entry("不", Action.DECLINE),
            Map.entry("2", Action.ARRIVED),
            Map.entry("到", Action.ARRIVED),
            Map.entry("9", Action.DONE));

    private static final List<String> STOP_WORDS = List.of("STOP", "TD", "退订", "UNSUBSCRIBE");
    private static final List<String> HELP_PREFIXES = List.of("求助", "救", "急", "HELP", "SOS");

    private ReplyGrammar() {
    }

    public static Optional<Reply> parse(String body) {
        String s = compact(body);
        if (s.isEmpty()) return Optional.empty();
        for (Map.Entry<String, Action> w : WORDS) {
            String word = w.getKey();
            if (s.equals(word)) return Optional.of(new Reply(w.getValue(), null));
            if (s.startsWith(word) && CODE.matcher(s.substring(word.length())).matches()) {
                return Optional.of(new Reply(w.getValue(), s.substring(word.length())));
            }
            if (s.endsWith(word) && CODE.matcher(s.substring(0, s.length() - word.length())).matches()) {
                return Optional.of(new Reply(w.getValue(), s.substring(0, s.length() - word.length())));
            }
        }
        return Optional.empty();
    }

    public static boolean isStop(String body) {
        return STOP_WORDS.contains(compact(body));
    }

    /** An unknown number's message that must still open an incident. */
    public static boolean isHelpRequest(String body) {
        String s = compact(body);
        return HELP_PREFIXES.stream().anyMatch(s::startsWith);
    }

    /** Upper case, NFKC-folded, simplified, with every space, punctuation mark and symbol removed. */
    static String compact(String body) {
        if (body == null) return "";
        String s = Normalizer.normalize(body, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isPunctuationOrSymbol(c)
                    || Character.isISOControl(c)) {
                continue;
            }
            out.append(TRADITIONAL.getOrDefault(c, c));
        }
        return out.toString();
    }

    private static boolean isPunctuationOrSymbol(char c) {
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.FORMAT -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
