package huzhu.sms.china;

import huzhu.core.kernel.JsonText;
import huzhu.core.kernel.Text;
import huzhu.core.sms.SmsProvider;
import huzhu.sms.china.aliyun.AliyunConfig;
import huzhu.sms.china.aliyun.AliyunSms;
import huzhu.sms.china.tencent.TencentConfig;
import huzhu.sms.china.tencent.TencentPull;
import huzhu.sms.china.tencent.TencentSms;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deployment's domestic SMS account, read once at init: the provider, its credentials and approved signature,
 * the ids of the registered templates, the push tokens its callback URLs carry, and whether replies and reports
 * are pulled (Tencent accounts without callbacks). In AWS it comes from the Secrets Manager secret
 * {@code HUZHU_SMS_PROVIDER_SECRET} ({@link #fromSecret}); in the local stack from {@code HUZHU_ALIYUN_…} /
 * {@code HUZHU_TENCENT_…} variables ({@link #fromLocalEnvironment}).
 */
public record DomesticSms(SmsProvider provider, AliyunConfig aliyun, TencentConfig tencent, TemplateIds templates,
        List<String> pushTokens, boolean pull) {

    public DomesticSms {
        if (provider == null || !provider.templatesOnly()) throw new IllegalArgumentException("not a domestic provider");
        if (provider == SmsProvider.ALIYUN && aliyun == null) throw new IllegalArgumentException("no Alibaba Cloud account");
        if (provider == SmsProvider.TENCENT && tencent == null) throw new IllegalArgumentException("no Tencent Cloud account");
        pushTokens = List.copyOf(pushTokens);
        for (String t : pushTokens) {
            if (t == null || t.strip().length() < PushGuard.MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("a push token must have at least " + PushGuard.MIN_TOKEN_LENGTH
                        + " characters");
            }
        }
        if (provider == SmsProvider.ALIYUN && pull) throw new IllegalArgumentException("Alibaba Cloud replies come by push");
    }

    public String signName() {
        return provider == SmsProvider.ALIYUN ? aliyun.signName() : tencent.signName();
    }

    /** The sender of this account (self-signed requests over URLConnection). */
    public TemplateSender sender() {
        return provider == SmsProvider.ALIYUN ? new AliyunSms(aliyun) : new TencentSms(tencent);
    }

    /** The pull API, when replies and reports are pulled rather than pushed. */
    public Optional<TencentPull> puller() {
        return pull ? Optional.of(new TencentPull(tencent)) : Optional.empty();
    }

    /**
     * The secret's JSON: Alibaba {@code {"accessKeyId","accessKeySecret"}}, Tencent {@code {"secretId","secretKey",
     * "sdkAppId","region"}}, both with {@code "templates"} ({@link TemplateIds}), {@code "pushTokens"} (the current
     * token and, while rotating, the previous one) and, Tencent only, {@code "pull": true}. The signature is the
     * stack's parameter ({@code signName}); {@code endpoint} overrides the API's URL (benchmarks' stand-ins).
     *
     * @throws IllegalArgumentException naming what is missing or malformed (never a secret's value)
     */
    public static DomesticSms fromSecret(SmsProvider provider, String signName, String json, URI endpoint) {
        Map<String, Object> s;
        try {
            s = JsonText.object(JsonText.parse(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SMS provider secret is not JSON");
        }
        if (s == null) throw new IllegalArgumentException("the SMS provider secret is not a JSON object");
        Map<String, Object> templates = JsonText.object(s.get("templates"));
        TemplateIds ids = templates == null ? TemplateIds.of(Map.of()) : TemplateIds.of(templates);
        List<String> tokens = new ArrayList<>();
        List<Object> listed = JsonText.array(s.get("pushTokens"));
        if (listed != null) for (Object t : listed) if (t instanceof String text) tokens.add(text);
        String single = JsonText.text(s, "pushToken");
        if (single != null) tokens.add(single);
        boolean pull = "true".equals(JsonText.text(s, "pull"));
        return switch (provider) {
            case ALIYUN -> new DomesticSms(provider, new AliyunConfig(JsonText.text(s, "accessKeyId"),
                    JsonText.text(s, "accessKeySecret"), signName, endpoint), null, ids, tokens, false);
            case TENCENT -> new DomesticSms(provider, null, new TencentConfig(JsonText.text(s, "secretId"),
                    JsonText.text(s, "secretKey"), JsonText.text(s, "sdkAppId"), signName, JsonText.text(s, "region"),
                    endpoint), ids, tokens, pull);
            case SNS -> throw new IllegalArgumentException("SNS needs no secret");
        };
    }

    /**
     * The local stack's account: {@code HUZHU_ALIYUN_ACCESS_KEY_ID}, {@code _ACCESS_KEY_SECRET}, {@code _SIGN_NAME},
     * {@code _SMS_ENDPOINT}, {@code _TEMPLATES} (JSON; unset: every template under its own name, as a stand-in
     * takes any), {@code _PUSH_TOKEN}; for Tencent {@code HUZHU_TENCENT_SECRET_ID}, {@code _SECRET_KEY},
     * {@code _SDK_APP_ID}, {@code _SIGN_NAME}, {@code _REGION}, {@code _SMS_ENDPOINT}, {@code _TEMPLATES},
     * {@code _PUSH_TOKEN}, {@code _PULL=1}.
     */
    public static DomesticSms fromLocalEnvironment(SmsProvider provider, Map<String, String> env) {
        String prefix = "HUZHU_" + provider.wire().toUpperCase() + "_";
        String templates = Text.strippedOrNull(env.get(prefix + "TEMPLATES"));
        TemplateIds ids = templates == null ? TemplateIds.namesAsIds(provider) : TemplateIds.parse(templates);
        String token = Text.strippedOrNull(env.get(prefix + "PUSH_TOKEN"));
        List<String> tokens = token == null ? List.of() : List.of(token);
        String endpoint = Text.strippedOrNull(env.get(prefix + "SMS_ENDPOINT"));
        URI uri = endpoint == null ? null : URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        return switch (provider) {
            case ALIYUN -> new DomesticSms(provider, new AliyunConfig(env.get(prefix + "ACCESS_KEY_ID"),
                    env.get(prefix + "ACCESS_KEY_SECRET"), env.get(prefix + "SIGN_NAME"), uri), null, ids, tokens, false);
            case TENCENT -> new DomesticSms(provider, null, new TencentConfig(env.get(prefix + "SECRET_ID"),
                    env.get(prefix + "SECRET_KEY"), env.get(prefix + "SDK_APP_ID"), env.get(prefix + "SIGN_NAME"),
                    env.get(prefix + "REGION"), uri), ids, tokens,
                    "1".equals(env.get(prefix + "PULL")) || "true".equalsIgnoreCase(env.get(prefix + "PULL")));
            case SNS -> throw new IllegalArgumentException("SNS is not a domestic provider");
        };
    }

    /** Never the credentials or tokens. */
    @Override
    public String toString() {
        return "DomesticSms[" + provider.wire() + ", " + (aliyun != null ? aliyun : tencent) + ", pushTokens="
                + pushTokens.size() + ", pull=" + pull + "]";
    }
}
