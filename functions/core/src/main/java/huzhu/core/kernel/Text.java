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
        String s = Normalizer.normalize(input, Normalizer.Form.NFC);
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
