package huzhu.aws.secrets;

import huzhu.aws.AwsClients;
import huzhu.core.sms.SmsProvider;
import huzhu.sms.china.DomesticSms;
import java.net.URI;
import java.util.Map;

/**
 * Which SMS provider a deployment uses, read once at init: {@code HUZHU_SMS_PROVIDER} ({@code sns}, the default,
 * {@code aliyun} or {@code tencent}); for a domestic one its account from the Secrets Manager secret named by
 * {@code HUZHU_SMS_PROVIDER_SECRET} (credentials, template ids, push tokens: never in the template's plain
 * environment) and its approved signature from {@code HUZHU_SMS_SIGN_NAME}. {@code HUZHU_ALIYUN_SMS_ENDPOINT} /
 * {@code HUZHU_TENCENT_SMS_ENDPOINT} point the API at a stand-in (benchmarks).
 */
public final class SmsProviderSecret {
    public static final String PROVIDER = "HUZHU_SMS_PROVIDER";
    public static final String SECRET = "HUZHU_SMS_PROVIDER_SECRET";
    public static final String SIGN_NAME = "HUZHU_SMS_SIGN_NAME";

    private SmsProviderSecret() {
    }

    public static SmsProvider provider(Map<String, String> env) {
        String raw = env.get(PROVIDER);
        if (raw == null || raw.isBlank()) return SmsProvider.SNS;
        SmsProvider p = SmsProvider.of(raw);
        if (p == null) throw new IllegalStateException(PROVIDER + " must be sns, aliyun or tencent, not '" + raw + "'");
        return p;
    }

    /** @return null for SNS */
    public static DomesticSms fromEnvironment(AwsClients clients, Map<String, String> env) {
        SmsProvider provider = provider(env);
        if (!provider.templatesOnly()) return null;
        String secretId = env.get(SECRET);
        if (secretId == null || secretId.isBlank()) throw new IllegalStateException(SECRET + " is not set");
        String sign = env.get(SIGN_NAME);
        String endpoint = env.get("HUZHU_" + provider.wire().toUpperCase() + "_SMS_ENDPOINT");
        String json;
        json = new NamedSecret(SecretValues.of(clients), secretId).value();
        return DomesticSms.fromSecret(provider, sign, json,
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }
}
