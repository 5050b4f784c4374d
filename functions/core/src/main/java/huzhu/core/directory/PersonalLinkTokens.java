package huzhu.core.directory;

import huzhu.core.kernel.HmacKey;

/**
 * The token in a member's personal emergency link: HMAC-SHA256 of (member id, rotation) under a key the table
 * never holds, cut to {@value #TOKEN_CHARS} base64url characters (132 bits, as long as the random tokens it
 * replaces). The store keeps only the hash of the member's current token, as before; since the token can be
 * made again from the member and the rotation, the printed card and the introduction SMS can carry the link
 * that works now, and rotating (the next number) is still the only thing that stops an old link working.
 */
public final class PersonalLinkTokens {
    public static final int TOKEN_CHARS = 22;

    private final HmacKey key;

    public PersonalLinkTokens(byte[] key) {
        if (key == null || key.length < 32) throw new IllegalArgumentException("the link key needs at least 32 bytes");
        this.key = new HmacKey(key);
    }

    /** The token of the member's {@code rotation}-th link (1 for the first). */
    public String token(String memberId, int rotation) {
        return key.sign("huzhu-trigger-v1\0" + memberId + "\0" + rotation, TOKEN_CHARS);
    }
}
