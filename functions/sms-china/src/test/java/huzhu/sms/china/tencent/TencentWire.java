package huzhu.sms.china.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.TreeMap;

/**
 * Tencent Cloud SMS as its API reference shows it (API 3.0, version 2021-01-11): {@code Response} objects with
 * {@code SendStatusSet}, the pull sets, or {@code Error}; HTTP 200 for the API's own errors. And the check the
 * real API makes: the TC3 signature recomputed from the request received.
 */
final class TencentWire {
    static final String SECRET_ID = "AKIDtestSecretIdNotReal";
    static final String SECRET_KEY = "test-secret-key-not-real";
    static final String APP_ID = "1400006666";

    private TencentWire() {
    }

    static String sendStatus(String phone, String code, String serialNo) {
        return "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"" + serialNo + "\",\"PhoneNumber\":\"" + phone
                + "\",\"Fee\":1,\"SessionContext\":\"alert-42\",\"Code\":\"" + code + "\",\"Message\":\"send success\","
                + "\"IsoCode\":\"CN\"}],\"RequestId\":\"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}";
    }

    static String error(String code, String message) {
        return "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},"
                + "\"RequestId\":\"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\"}}";
    }

    /** Recomputes the signature from what arrived (headers and body) and checks the header against it. */
    static void assertSignedByTheKey(LoggedRequest request) {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("content-type", request.getHeader("Content-Type"));
        headers.put("host", request.getHeader("Host"));
        headers.put("x-tc-action", request.getHeader("X-TC-Action"));
        long timestamp = Long.parseLong(request.getHeader("X-TC-Timestamp"));
        String expected = Tc3Signer.sign(SECRET_ID, SECRET_KEY, "sms", timestamp, "POST", "", headers,
                request.getBodyAsString()).authorization();
        assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    }
}
