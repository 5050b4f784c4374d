package huzhu.local.store;

import huzhu.core.error.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An opaque page cursor: which listing it belongs to and the sort key of the last item handed out. */
final class Cursor {
    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    static String encode(String listing, String... key) {
        String plain = listing + SEPARATOR + String.join(SEPARATOR, key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor this listing gave out; anything else is refused as invalid input. */
    static String[] decode(String cursor, String listing, int parts) {
        String[] split;
        try {
            split = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, parts + 1);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (split.length != parts + 1 || !split[0].equals(listing)) throw invalid();
        String[] key = new String[parts];
        System.arraycopy(split, 1, key, 0, parts);
        return key;
    }

    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static Invalid invalid() {
        return Invalid.of("cursor", "invalid.cursor");
    }
}
