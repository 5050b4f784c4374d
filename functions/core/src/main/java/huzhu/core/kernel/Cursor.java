package huzhu.core.kernel;

import huzhu.core.error.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors, the same for every store: the listing's name and the sort key of the last item handed
 * out. The next page starts after that key, so a cursor stays valid while items are added; a cursor of another
 * listing, or no cursor at all, is refused as invalid input.
 */
public final class Cursor {
    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    public static String encode(String listing, String... key) {
        String plain = listing + SEPARATOR + String.join(SEPARATOR, key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor {@link #encode} made for this listing; anything else is {@link #invalid()}. */
    public static String[] decode(String cursor, String listing, int parts) {
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
        for (String part : key) if (part.isEmpty()) throw invalid();
        return key;
    }

    /** A key part that must be a whole number. */
    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static Invalid invalid() {
        return Invalid.of("cursor", "invalid.cursor");
    }
}
