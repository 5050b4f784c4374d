package huzhu.sms.china.tencent;

import java.net.URI;
import java.util.Objects;

/**
 * A Tencent Cloud SMS account as this sender uses it: a CAM key pair (SecretId/SecretKey, only
 * {@code sms:SendSms} and the two pull actions), the SMS application ({@code SmsSdkAppId}), the approved
 * signature (签名), the API region ({@code ap-guangzhou}, {@code ap-beijing} or {@code ap-nanjing}) and the API's
 * base URL (a stand-in's in tests and the local stack). The later wiring reads the key pair from Secrets
 * Manager, once, at init.
 */
public record TencentConfig(String secretId, String secretKey, String sdkAppId, String signName, String region,
        URI endpoint) {
    public static final URI DEFAULT_ENDPOINT = URI.create("https://sms.tencentcloudapi.com/");
    public static final String DEFAULT_REGION = "ap-guangzhou";

    public TencentConfig {
        requireText(secretId, "secretId");
        requireText(secretKey, "secretKey");
        requireText(sdkAppId, "sdkAppId");
        requireText(signName, "signName");
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw new IllegalArgumentException("Tencent Cloud SMS " + name + " is not configured");
        }
    }

    /** Never the secret: records print their fields, and configuration ends up in logs. */
    @Override
    public String toString() {
        return "TencentConfig[secretId=" + secretId + ", sdkAppId=" + sdkAppId + ", signName=" + signName
                + ", region=" + region + ", endpoint=" + endpoint + "]";
    }
}
