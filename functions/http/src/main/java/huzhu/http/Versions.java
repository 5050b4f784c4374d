package huzhu.http;

import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Hashes;
import java.util.HashSet;
import java.util.Set;

/**
 * Record versions over HTTP. The ETag of an editable record names its version first, then a digest of the answer
 * ({@code "7.3f9a…"}): the version for If-Match, the digest so that two answers of one version that differ (a member
 * with a family introduction sent meanwhile) never pass for each other. If-Match compares the version alone: an
 * edit based on version 7 applies while version 7 is stored. A tag may also be the bare version ({@code "7"}, from a
 * record's {@code version} field); {@code *} or no If-Match applies the edit to whatever is stored (scripts).
 */
final class Versions {
    private static final int DIGEST_CHARS = 16;

    private Versions() {
    }

    static String etag(long version, String body) {
        return "\"" + version + "." + Hashes.sha256(body).substring(0, DIGEST_CHARS) + "\"";
    }

    /** What an If-Match header asks for; a tag naming no version (or a weak one, never a match) matches nothing. */
    static BasedOn basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return BasedOn.ANY;
        Set<Long> versions = new HashSet<>();
        for (String raw : ifMatch.split(",")) {
            String tag = raw.strip();
            if (tag.startsWith("W/")) continue;
            if (tag.startsWith("\"")) tag = tag.substring(1);
            int digits = 0;
            while (digits < tag.length() && digits < 18 && Character.isDigit(tag.charAt(digits))) digits++;
            if (digits == 0) continue;
            String rest = tag.substring(digits);
            if (!rest.isEmpty() && !rest.startsWith(".") && !rest.equals("\"")) continue;
            versions.add(Long.parseLong(tag.substring(0, digits)));
        }
        return new BasedOn(versions);
    }
}
