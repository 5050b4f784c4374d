package huzhu.robots;

import java.nio.charset.StandardCharsets;

/** The vendors limit their texts in UTF-8 bytes (WeCom: 2048 for text, 4096 for markdown), not characters. */
final class Utf8 {
    private static final String ELLIPSIS = "…";
    private static final int ELLIPSIS_BYTES = 3;

    private Utf8() {
    }

    static int length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code s} if it fits in {@code maxBytes}, else as much of it as fits whole code points, then "…". */
    static String truncate(String s, int maxBytes) {
        if (length(s) <= maxBytes) return s;
        int budget = maxBytes - ELLIPSIS_BYTES;
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + bytes > budget) break;
            used += bytes;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + ELLIPSIS;
    }
}
