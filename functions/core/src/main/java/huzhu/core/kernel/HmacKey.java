package huzhu.core.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC-SHA256 key, what the union's links are signed with; it keeps its own copy of the bytes. */
public final class HmacKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacKey(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The MAC of {@code text} (UTF-8). */
    public byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #sign(String)} in base64url without padding, cut to its first {@code chars} characters. */
    public String sign(String text, int chars) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(text)).substring(0, chars);
    }
}
