package huzhu.core.testing;

import huzhu.core.error.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: a tag naming the listing plus the sort key of the last item returned. */
final class Cursors {
    private static final String SEPARATOR = "\n";

    private Cursors() {
    }

    static String encode(String tag, String... parts) {
        String plain = tag + SEPARATOR + String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #encode} with the same tag; anything else is the caller's mistake. */
    static String[] decode(String cursor, String tag, int parts) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] split = plain.split(SEPARATOR, parts + 1);
            if (split.length != parts + 1 || !split[0].equals(tag)) throw invalid();
            String[] out = new String[parts];
            System.arraycopy(split, 1, out, 0, parts);
            return out;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static Invalid invalid() {
        return Invalid.of("cursor", "invalid.cursor");
    }
}
