package huzhu.sms.china.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Alibaba Cloud SMS as its API reference shows it: {@code SendSms} answers (HTTP 200 with {@code Code} "OK" or an
 * isv./isp. code), and the OpenAPI gateway's error bodies (HTTP 4xx/5xx with {@code Code}, {@code HostId},
 * {@code Recommend}). And the check a real gateway makes: the signature recomputed from the request received.
 */
final class AliyunWire {
    static final String KEY_ID = "LTAI5tTestKeyId";
    static final String KEY_SECRET = "test-secret-not-real";

    private AliyunWire() {
    }

    static String sendSmsOk(String bizId) {
        return "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + bizId + "\","
                + "\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}";
    }

    static String sendSmsError(String code, String message) {
        return "{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\","
                + "\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}";
    }

    static String gatewayError(String code, String message) {
        return "{\"RequestId\":\"0F5CFB67-0E2F-5F2A-9C1E-4E6A3D2B1C00\",\"HostId\":\"dysmsapi.aliyuncs.com\","
                + "\"Code\":\"" + code + "\",\"Message\":\"" + message + "\","
                + "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=" + code + "&product=Dysmsapi\"}";
    }

    /** The query parameters as received, decoded. */
    static TreeMap<String, String> query(LoggedRequest request) {
        TreeMap<String, String> out = new TreeMap<>();
        String raw = URI.create(request.getUrl()).getRawQuery();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Recomputes the signature as the gateway would, from what arrived, and checks the header against it. */
    static void assertSignedByTheKey(LoggedRequest request) {
        TreeMap<String, String> query = query(request);
        assertThat(URI.create(request.getUrl()).getRawQuery()).as("the query on the wire is the signed one")
                .isEqualTo(Acs3Signer.canonicalQuery(query));
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", request.getHeader("Host"));
        for (String name : request.getAllHeaderKeys()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("x-acs-")) headers.put(lower, request.getHeader(name));
        }
        String expected = Acs3Signer.sign(request.getMethod().getName(), "/", query, headers,
                headers.get("x-acs-content-sha256"), KEY_ID, KEY_SECRET).authorization();
        assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    }
}
