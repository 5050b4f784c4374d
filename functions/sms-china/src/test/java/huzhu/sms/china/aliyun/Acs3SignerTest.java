package huzhu.sms.china.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.sms.china.Hashing;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Alibaba Cloud's published V3 example ("V3版本请求体&签名机制", 固定参数示例): ECS RunInstances in cn-shanghai,
 * AccessKey {@code YourAccessKeyId}/{@code YourAccessKeySecret}, 2023-10-26T10:22:32Z, nonce
 * 3156853299f313e23d1673dc12e1703d, empty body.
 */
class Acs3SignerTest {

    private static Acs3Signer.Signed publishedExample() {
        TreeMap<String, String> query = new TreeMap<>();
        query.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
        query.put("RegionId", "cn-shanghai");
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-content-sha256", Hashing.sha256Hex(new byte[0]));
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-version", "2014-05-26");
        return Acs3Signer.sign("POST", "/", query, headers, Hashing.sha256Hex(new byte[0]), "YourAccessKeyId",
                "YourAccessKeySecret");
    }

    @Test
    void sign_reproducesThePublishedHashedCanonicalRequestAndSignature() {
        // when
        Acs3Signer.Signed signed = publishedExample();

        // then
        assertThat(signed.stringToSign())
                .isEqualTo("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        assertThat(signed.signature()).isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
        assertThat(signed.authorization()).isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
                + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    }

    @Test
    void sign_buildsTheCanonicalRequestLineByLine_asThePublishedExampleShowsIt() {
        // when
        String canonical = publishedExample().canonicalRequest();

        // then
        assertThat(canonical).isEqualTo("POST\n/\n"
                + "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
                + "host:ecs.cn-shanghai.aliyuncs.com\n"
                + "x-acs-action:RunInstances\n"
                + "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                + "x-acs-date:2023-10-26T10:22:32Z\n"
                + "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
                + "x-acs-version:2014-05-26\n\n"
                + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sign_changesWhenAnySignedPartChanges() {
        // given
        TreeMap<String, String> query = new TreeMap<>();
        query.put("PhoneNumbers", "13800138000");
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", "dysmsapi.aliyuncs.com");
        headers.put("x-acs-action", "SendSms");
        String base = Acs3Signer.sign("POST", "/", query, headers, "h", "id", "secret").signature();

        // when
        TreeMap<String, String> otherQuery = new TreeMap<>(query);
        otherQuery.put("PhoneNumbers", "13800138001");

        // then
        assertThat(Acs3Signer.sign("POST", "/", otherQuery, headers, "h", "id", "secret").signature()).isNotEqualTo(base);
        assertThat(Acs3Signer.sign("POST", "/", query, headers, "h", "id", "secret2").signature()).isNotEqualTo(base);
    }

    @Test
    void percentEncode_followsRfc3986_forChineseJsonAndTheSpecialCharacters() {
        assertThat(Acs3Signer.percentEncode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(Acs3Signer.percentEncode("a b*c+d/e=f&g:h")).isEqualTo("a%20b%2Ac%2Bd%2Fe%3Df%26g%3Ah");
        assertThat(Acs3Signer.percentEncode("互助")).isEqualTo("%E4%BA%92%E5%8A%A9");
        assertThat(Acs3Signer.percentEncode("{\"code\":\"K7\"}")).isEqualTo("%7B%22code%22%3A%22K7%22%7D");
    }

    @Test
    void canonicalQuery_sortsByNameAndEncodesNamesAndValues() {
        // given
        TreeMap<String, String> query = new TreeMap<>();
        query.put("TemplateParam", "{\"name\":\"张 师傅\"}");
        query.put("PhoneNumbers", "13800138000");
        query.put("SignName", "互助");

        // when / then
        assertThat(Acs3Signer.canonicalQuery(query)).isEqualTo("PhoneNumbers=13800138000&SignName=%E4%BA%92%E5%8A%A9"
                + "&TemplateParam=%7B%22name%22%3A%22%E5%BC%A0%20%E5%B8%88%E5%82%85%22%7D");
    }
}
