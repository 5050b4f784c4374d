package huzhu.local;

import huzhu.aws.sns.SmsConfig;
import huzhu.core.sms.SmsProvider;
import huzhu.sms.china.DomesticSms;
import java.util.List;
import java.util.Map;

/**
 * How the local stack sends SMS, from {@code HUZHU_SMS_PROVIDER}: unset, the outbox (nothing leaves the machine);
 * {@code sns}, the SNS adapter against {@code HUZHU_SNS_ENDPOINT} (a stand-in or LocalStack); {@code aliyun} or
 * {@code tencent}, the domestic provider's adapter for +86 numbers against {@code HUZHU_ALIYUN_SMS_ENDPOINT} /
 * {@code HUZHU_TENCENT_SMS_ENDPOINT}, its account from the {@code HUZHU_ALIYUN_…} / {@code HUZHU_TENCENT_…}
 * variables (see {@link DomesticSms#fromLocalEnvironment}); every other number goes to the outbox. Whatever goes
 * out is also recorded in the outbox, so the SMS simulator shows it.
 *
 * @param provider null for the outbox
 * @param sns      the SNS settings when {@code provider} is SNS
 * @param account  the domestic account when {@code provider} is Alibaba or Tencent
 */
public record LocalSms(SmsProvider provider, SmsConfig sns, DomesticSms account) {
    public static final LocalSms OUTBOX = new LocalSms(null, null, null);

    static LocalSms from(Map<String, String> env, List<String> problems) {
        String raw = env.get("HUZHU_SMS_PROVIDER");
        if (raw == null || raw.isBlank()) return OUTBOX;
        SmsProvider provider = SmsProvider.of(raw);
        if (provider == null) {
            problems.add(LocalText.bilingual("config.smsProvider", Map.of("value", raw.strip())));
            return OUTBOX;
        }
        try {
            if (provider == SmsProvider.SNS) return new LocalSms(provider, SmsConfig.from(env), null);
            return new LocalSms(provider, null, DomesticSms.fromLocalEnvironment(provider, env));
        } catch (IllegalArgumentException e) {
            // the message names the missing setting, never a value
            problems.add(LocalText.bilingual("config.smsAccount", Map.of("provider", provider.wire(),
                    "reason", e.getMessage())));
            return OUTBOX;
        }
    }

    public boolean outbox() {
        return provider == null;
    }

    @Override
    public String toString() {
        return "LocalSms[" + (provider == null ? "outbox" : provider.wire()) + (account == null ? "" : ", " + account) + "]";
    }
}
