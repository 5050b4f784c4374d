package huzhu.core.incident;

import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.HmacKey;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token in an ack link: the incident's code, then an HMAC-SHA256 of (incident id, recipient id) under
 * the union's ack key, cut to {@value #MAC_CHARS} base64url characters (60 bits). The code finds the
 * incident among the active ones; the MAC names one of its alerted people and cannot be made without the
 * key, which lives in Secrets Manager (AWS) or the data dir (local stack), never in the table. So a link is
 * bound to one person and one incident, a leaked table forges none, and once the incident closes no active
 * incident carries the code's MAC any more: the link expires. 60 bits are far beyond online guessing
 * (the routes are rate-limited) and keep the link short enough for a two-segment SMS.
 */
public final class AckTokens {
    public static final int MAC_CHARS = 10;
    public static final int MIN_KEY_BYTES = 32;
    private static final int MAX_CODE_CHARS = 8;
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{1," + MAX_CODE_CHARS + "}[A-Za-z0-9_-]{" + MAC_CHARS + "}");

    private final HmacKey key;

    public AckTokens(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the ack key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new HmacKey(key);
    }

    /** A key of its own, for tests and tools: its links verify only through this instance. */
    public static AckTokens withRandomKey() {
        return new AckTokens(newKey());
    }

    /** 32 random bytes: a fresh ack key (the local stack's first start). */
    public static byte[] newKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * A key of its own for another kind of link ({@code purpose} names it), derived from this one (HMAC-SHA256 of
     * the purpose under the ack key): one secret to keep, and neither kind of link can stand in for the other.
     */
    public byte[] derivedKey(String purpose) {
        return key.sign("huzhu-key-v1\0" + purpose);
    }

    public String token(String incidentCode, String incidentId, String recipientId) {
        return incidentCode + mac(incidentId, recipientId);
    }

    /** The incident code a well-formed token starts with; empty for anything else (no store lookup needed). */
    public static Optional<String> code(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) return Optional.empty();
        return Optional.of(token.substring(0, token.length() - MAC_CHARS));
    }

    /** Whether {@code token} is this incident's link for this recipient (constant time in the MAC). */
    public boolean verifies(String token, String incidentId, String recipientId) {
        if (code(token).isEmpty()) return false;
        return Hashes.constantTimeEquals(token.substring(token.length() - MAC_CHARS), mac(incidentId, recipientId));
    }

    private String mac(String incidentId, String recipientId) {
        return key.sign("huzhu-ack-v1\0" + incidentId + "\0" + recipientId, MAC_CHARS);
    }
}
