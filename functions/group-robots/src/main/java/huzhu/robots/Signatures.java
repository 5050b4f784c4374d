package huzhu.robots;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two vendors' signing rules. Both sign {@code timestamp + "\n" + secret} with HmacSHA256 and Base64, but
 * the other way round: DingTalk keys the HMAC with the secret and signs that string; Feishu/Lark keys it with
 * that string and signs nothing. Mixing them up is the usual cause of DingTalk's 310000 and Feishu's 19021.
 */
public final class Signatures {
    private static final String HMAC_SHA256 = "HmacSHA256";

    private Signatures() {
    }

    /**
     * DingTalk custom robot (加签): Base64 of HmacSHA256 keyed by the secret over {@code timestampMillis + "\n" +
     * secret}. The caller URL-encodes it into the {@code sign} query parameter.
     */
    public static String dingTalk(long timestampMillis, String secret) {
        return hmacBase64(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Feishu/Lark custom bot (签名校验): Base64 of HmacSHA256 keyed by {@code timestampSeconds + "\n" + secret}
     * over an empty message. Sent as {@code sign} in the JSON body, beside {@code timestamp}.
     */
    public static String feishu(long timestampSeconds, String secret) {
        return hmacBase64((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static String hmacBase64(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
