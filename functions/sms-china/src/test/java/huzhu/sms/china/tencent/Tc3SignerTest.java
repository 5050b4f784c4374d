package huzhu.sms.china.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.sms.china.Hashing;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Tencent Cloud's published TC3 example ("签名方法 v3"): CVM DescribeInstances, SecretId
 * {@code AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE}, SecretKey {@code Gu5t9xGARNpq86cd98joQYCN3EXAMPLE}, timestamp
 * 1551113065 (2019-02-26 00:44:25 in UTC+8, 2019-02-25 in UTC: the date trap the docs warn about).
 */
class Tc3SignerTest {
    private static final String PAYLOAD =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    private static Tc3Signer.Signed publishedExample() {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "cvm.tencentcloudapi.com");
        return Tc3Signer.sign("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm",
                1551113065L, "POST", "", headers, PAYLOAD);
    }

    @Test
    void sign_reproducesThePublishedPayloadHashCanonicalRequestStringToSignAndSignature() {
        // when
        Tc3Signer.Signed signed = publishedExample();

        // then
        assertThat(Hashing.sha256Hex(PAYLOAD)).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(signed.canonicalRequest()).isEqualTo("POST\n/\n\n"
                + "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(signed.stringToSign()).isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        assertThat(signed.signature()).isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
        assertThat(signed.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/"
                + "2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void sign_lowerCasesHeaderValues_andSignsTheActionHeader_asTheCurrentDocsDo() {
        // given
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "sms.tencentcloudapi.com");
        headers.put("x-tc-action", "SendSms");

        // when
        Tc3Signer.Signed signed = Tc3Signer.sign("id", "key", "sms", 1551113065L, "POST", "", headers, "{}");

        // then
        assertThat(signed.canonicalRequest()).contains("x-tc-action:sendsms\n\ncontent-type;host;x-tc-action\n");
        assertThat(signed.authorization()).startsWith("TC3-HMAC-SHA256 Credential=id/2019-02-25/sms/tc3_request, "
                + "SignedHeaders=content-type;host;x-tc-action, Signature=");
    }
}
