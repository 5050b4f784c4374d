package huzhu.sms.china.tencent;

import huzhu.sms.china.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * Tencent Cloud API 3.0's request signature, {@code TC3-HMAC-SHA256} ("签名方法 v3"):
 * <pre>
 * CanonicalRequest = METHOD \n / \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n hex(sha256(payload))
 * StringToSign     = TC3-HMAC-SHA256 \n timestamp \n date/service/tc3_request \n hex(sha256(CanonicalRequest))
 * SecretSigning    = hmac(hmac(hmac("TC3" + SecretKey, date), service), "tc3_request")
 * Signature        = hex(hmac(SecretSigning, StringToSign))
 * </pre>
 * {@code date} is the UTC date of the timestamp (the docs warn that a local date fails after midnight UTC+8).
 */
public final class Tc3Signer {
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Tc3Signer() {
    }

    /** The intermediate strings and the header, all of them checkable against the published example. */
    public record Signed(String canonicalRequest, String stringToSign, String signature, String authorization) {
    }

    /**
     * @param headers the headers to sign, lower-case names (sorted); they must include {@code content-type} and
     *                {@code host}, with exactly the values sent
     */
    public static Signed sign(String secretId, String secretKey, String service, long timestamp, String method,
            String canonicalQuery, SortedMap<String, String> headers, String payload) {
        StringBuilder canonicalHeaders = new StringBuilder();
        StringJoiner signedHeaders = new StringJoiner(";");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            canonicalHeaders.append(name).append(':').append(h.getValue().strip().toLowerCase(Locale.ROOT))
                    .append('\n');
            signedHeaders.add(name);
        }
        String canonicalRequest = method + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + Hashing.sha256Hex(payload);
        String date = DATE.format(Instant.ofEpochSecond(timestamp));
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + Hashing.sha256Hex(canonicalRequest);
        byte[] secretDate = Hashing.hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Hashing.hmacSha256(secretDate, service);
        byte[] secretSigning = Hashing.hmacSha256(secretService, "tc3_request");
        String signature = Hashing.hex(Hashing.hmacSha256(secretSigning, stringToSign));
        String authorization = ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature;
        return new Signed(canonicalRequest, stringToSign, signature, authorization);
    }
}
