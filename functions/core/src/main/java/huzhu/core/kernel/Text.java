package huzhu.core.kernel;

import java.text.Normalizer;

/**
 * Text as people type it: full-width letters, digits and spaces folded to ASCII, control characters
 * removed, spaces trimmed. Chinese punctuation (，。！) is kept: it is how Chinese is written, and the
 * officers read it back in the console and the family in their SMS.
 */
public final class Text {
    private Text() {
    }

    public static String clean(String input) {
        if (input == null) return null;
        String s = nfc(input);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = foldFullWidth(s.charAt(i));
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    /**
     * {@code Normalizer.normalize(s, NFC)}, without loading the JDK's Unicode tables (about 35 classes and a data
     * file on a function's cold start) when every character of {@code s} is one NFC leaves alone and that never
     * composes nor reorders with its neighbours: ASCII, Latin-1, CJK punctuation, the CJK Unified Ideographs and
     * the full-width forms — what a Chinese or English text is made of.
     */
    public static String nfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!stableUnderNfc(s.charAt(i))) return Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return s;
    }

    /**
     * {@code Normalizer.normalize(s, NFKC)}, without the JDK's tables when {@code s} is ASCII and CJK Unified
     * Ideographs only (NFKC folds Latin-1's and the full-width forms: those take the JDK's path).
     */
    public static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && !ideograph(c)) return Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        return s;
    }

    /**
     * Characters with no canonical decomposition, combining class 0 and NFC quick check "yes" (Unicode's
     * DerivedNormalizationProps): a string of them is its own NFC. U+302A–U+302F (tone marks) combine.
     */
    static boolean stableUnderNfc(char c) {
        return c < 0x100 || ideograph(c) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303F)
                || (c >= 0xFF01 && c <= 0xFF5E);
    }

    /** The CJK Unified Ideographs block: no decomposition of any kind, combining class 0. */
    private static boolean ideograph(char c) {
        return c >= 0x4E00 && c <= 0x9FFF;
    }

    /** Ａ→A, ５→5, the ideographic space → space; everything else as it is. */
    static char foldFullWidth(char c) {
        boolean letterOrDigit = (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A')
                || (c >= '\uFF41' && c <= '\uFF5A');
        if (letterOrDigit) return (char) (c - 0xFEE0);
        return c == '\u3000' ? ' ' : c;
    }

    /** Cuts to at most {@code max} characters, ending with "…" when something was cut. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) return s;
        if (max <= 1) return "…";
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code s} stripped, or null when it is null or blank: an unset setting and an empty one are the same. */
    public static String strippedOrNull(String s) {
        return blank(s) ? null : s.strip();
    }

    /**
     * Text as the person typed it, for what is printed or read in full (a notice, an application's reason): line
     * breaks and punctuation kept (a Chinese text keeps its full-width ，。), control characters dropped, tabs as
     * spaces, trimmed. Null becomes "".
     */
    public static String asTyped(String input) {
        if (input == null) return "";
        String s = input.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') out.append(c);
            else if (c == '\t') out.append(' ');
            else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) out.append(c);
        }
        return out.toString().strip();
    }
}
