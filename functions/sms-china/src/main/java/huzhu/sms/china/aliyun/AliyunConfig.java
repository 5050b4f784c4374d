package huzhu.sms.china.aliyun;

import java.net.URI;
import java.util.Objects;

/**
 * An Alibaba Cloud SMS account as this sender uses it: a RAM user's AccessKey (only {@code dysms:SendSms}),
 * the approved signature (签名) every message carries, and the API's base URL (a stand-in's in tests and the
 * local stack). The later wiring reads the key from Secrets Manager, once, at init.
 */
public record AliyunConfig(String accessKeyId, String accessKeySecret, String signName, URI endpoint) {
    public static final URI DEFAULT_ENDPOINT = URI.create("https://dysmsapi.aliyuncs.com/");

    public AliyunConfig {
        requireText(accessKeyId, "accessKeyId");
        requireText(accessKeySecret, "accessKeySecret");
        requireText(signName, "signName");
        endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw new IllegalArgumentException("Alibaba Cloud SMS " + name + " is not configured");
        }
    }

    /** Never the secret: records print their fields, and configuration ends up in logs. */
    @Override
    public String toString() {
        return "AliyunConfig[accessKeyId=" + accessKeyId + ", signName=" + signName + ", endpoint=" + endpoint + "]";
    }
}
