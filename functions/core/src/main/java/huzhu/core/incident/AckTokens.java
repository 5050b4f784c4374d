package huzhu.core.incident;

import huzhu.core.kernel.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public AckTokens(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the ack key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
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
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("huzhu-key-v1\0" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("huzhu-ack-v1\0" + incidentId + "\0" + recipientId)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAC_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
