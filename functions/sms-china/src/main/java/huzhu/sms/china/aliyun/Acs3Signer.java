package huzhu.sms.china.aliyun;

import huzhu.sms.china.Hashing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * Alibaba Cloud's V3 request signature, {@code ACS3-HMAC-SHA256} ("V3版本请求体&签名机制"):
 * <pre>
 * CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * StringToSign     = ACS3-HMAC-SHA256 \n hex(sha256(CanonicalRequest))
 * Signature        = hex(hmac-sha256(AccessKeySecret, StringToSign))
 * Authorization    = ACS3-HMAC-SHA256 Credential=AccessKeyId,SignedHeaders=…,Signature=…
 * </pre>
 * Signed headers are {@code host}, {@code content-type} and every {@code x-acs-*} header, lower-cased, sorted,
 * values trimmed; query names and values are RFC 3986-encoded ({@code %20}, {@code %2A}, {@code ~}) and sorted.
 */
public final class Acs3Signer {
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private Acs3Signer() {
    }

    /** The intermediate strings and the header, all of them checkable against the published example. */
    public record Signed(String canonicalRequest, String stringToSign, String signature, String authorization) {
    }

    /**
     * @param query   the query parameters by name (sorted)
     * @param headers the request headers to sign, lower-case names (sorted); others are ignored
     */
    public static Signed sign(String method, String canonicalUri, SortedMap<String, String> query,
            SortedMap<String, String> headers, String hashedPayload, String accessKeyId, String accessKeySecret) {
        StringBuilder canonicalHeaders = new StringBuilder();
        StringJoiner signedHeaders = new StringJoiner(";");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("host") && !name.equals("content-type") && !name.startsWith("x-acs-")) continue;
            canonicalHeaders.append(name).append(':').append(h.getValue().strip()).append('\n');
            signedHeaders.add(name);
        }
        String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery(query) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + hashedPayload;
        String stringToSign = ALGORITHM + "\n" + Hashing.sha256Hex(canonicalRequest);
        String signature = Hashing.hex(Hashing.hmacSha256(accessKeySecret.getBytes(StandardCharsets.UTF_8),
                stringToSign));
        String authorization = ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
        return new Signed(canonicalRequest, stringToSign, signature, authorization);
    }

    /** {@code name=value} pairs, both encoded, sorted by name, joined by {@code &}; the same text goes on the URL. */
    public static String canonicalQuery(SortedMap<String, String> query) {
        StringJoiner out = new StringJoiner("&");
        for (Map.Entry<String, String> p : query.entrySet()) {
            out.add(percentEncode(p.getKey()) + "=" + percentEncode(p.getValue() == null ? "" : p.getValue()));
        }
        return out.toString();
    }

    /** RFC 3986: everything but {@code A-Z a-z 0-9 - _ . ~} as {@code %XX} of its UTF-8 bytes. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
