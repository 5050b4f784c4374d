package huzhu.core;

import huzhu.core.directory.PersonalLinkTokens;
import huzhu.core.incident.AckTokens;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Settings the services need, read once from the environment by the edge. {@code publicBaseUrl} is
 * where people's links point (ack links, personal emergency links). In AWS the HTTP functions cannot be
 * told their own API's URL (CloudFormation would see a cycle), so when it is blank they learn it from
 * the first request API Gateway hands them.
 */
public final class ServiceConfig {
    private final AtomicReference<String> publicBaseUrl;
    private final String smsSignature;
    private final Language defaultLanguage;
    private final EscalationPolicy defaultPolicy;
    private final AckTokens ackTokens;
    private final PersonalLinkTokens personalLinkTokens;
    private final SmsLimits limits;

    /**
     * With an ack key of its own (tests, tools): links verify only through this config. A function must pass
     * the union's key instead, or links one function signs would not open in another.
     */
    public ServiceConfig(String publicBaseUrl, String smsSignature) {
        this(publicBaseUrl, smsSignature, Language.DEFAULT, EscalationPolicy.DEFAULT, AckTokens.withRandomKey());
    }

    public ServiceConfig(String publicBaseUrl, String smsSignature, AckTokens ackTokens) {
        this(publicBaseUrl, smsSignature, Language.DEFAULT, EscalationPolicy.DEFAULT, ackTokens);
    }

    /** With an ack key of its own, like {@link #ServiceConfig(String, String)}. */
    public ServiceConfig(String publicBaseUrl, String smsSignature, Language defaultLanguage,
            EscalationPolicy defaultPolicy) {
        this(publicBaseUrl, smsSignature, defaultLanguage, defaultPolicy, AckTokens.withRandomKey());
    }

    public ServiceConfig(String publicBaseUrl, String smsSignature, Language defaultLanguage,
            EscalationPolicy defaultPolicy, AckTokens ackTokens) {
        this(publicBaseUrl, smsSignature, defaultLanguage, defaultPolicy, ackTokens, SmsLimits.DEFAULTS);
    }

    private ServiceConfig(String publicBaseUrl, String smsSignature, Language defaultLanguage,
            EscalationPolicy defaultPolicy, AckTokens ackTokens, SmsLimits limits) {
        this.publicBaseUrl = new AtomicReference<>(trim(publicBaseUrl));
        this.smsSignature = smsSignature;
        this.defaultLanguage = defaultLanguage;
        this.defaultPolicy = defaultPolicy;
        this.ackTokens = ackTokens;
        this.personalLinkTokens = new PersonalLinkTokens(ackTokens.derivedKey("personal-link"));
        this.limits = limits;
    }

    /** The same settings with other limits on SMS ({@link SmsLimits}). */
    public ServiceConfig withLimits(SmsLimits other) {
        return new ServiceConfig(publicBaseUrl(), smsSignature, defaultLanguage, defaultPolicy, ackTokens, other);
    }

    /** {@link #from(Map, AckTokens)} with an ack key of its own (tests of the settings). */
    public static ServiceConfig from(Map<String, String> env) {
        return from(env, AckTokens.withRandomKey());
    }

    public static ServiceConfig from(Map<String, String> env, AckTokens ackTokens) {
        String lang = env.get("HUZHU_LANGUAGE");
        Language language = lang == null || lang.isBlank() ? Language.DEFAULT : Language.of(lang);
        if (language == null) {
            throw new IllegalStateException("HUZHU_LANGUAGE must be zh-CN or en, not '" + lang + "'");
        }
        return new ServiceConfig(env.get("HUZHU_PUBLIC_BASE_URL"), env.get("HUZHU_SMS_SIGNATURE"), language,
                defaultPolicy(env.get("HUZHU_DEFAULT_TIMEOUTS")), ackTokens, SmsLimits.from(env));
    }

    /** The default policy's shape (CONTRACT §4) with the given timeouts, level by level. */
    static EscalationPolicy defaultPolicy(String timeouts) {
        if (timeouts == null || timeouts.isBlank()) return EscalationPolicy.DEFAULT;
        String[] parts = timeouts.split(",");
        List<PolicyLevel> levels = new ArrayList<>(EscalationPolicy.DEFAULT.levels());
        if (parts.length != levels.size()) {
            throw new IllegalStateException("HUZHU_DEFAULT_TIMEOUTS needs " + levels.size()
                    + " comma-separated seconds (one per level), not '" + timeouts + "'");
        }
        for (int i = 0; i < parts.length; i++) {
            PolicyLevel l = levels.get(i);
            int seconds;
            try {
                seconds = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("HUZHU_DEFAULT_TIMEOUTS: '" + parts[i].strip() + "' is not seconds");
            }
            levels.set(i, new PolicyLevel(l.level(), l.audience(), l.maxRecipients(), l.leaderLevel(), seconds,
                    l.repeat()));
        }
        EscalationPolicy policy = new EscalationPolicy(levels);
        if (!policy.problems().isEmpty()) {
            throw new IllegalStateException("HUZHU_DEFAULT_TIMEOUTS: each timeout must be 1 to "
                    + EscalationPolicy.MAX_TIMEOUT_SECONDS + " seconds, not '" + timeouts + "'");
        }
        return policy;
    }

    /** For people whose own language is not known (an unknown number), and for officers' timelines. */
    public Language defaultLanguage() {
        return defaultLanguage;
    }

    /** The policy new incidents follow until an admin saves one. */
    public EscalationPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public String publicBaseUrl() {
        return publicBaseUrl.get();
    }

    public String smsSignature() {
        return smsSignature;
    }

    /** Takes {@code url} as the public base URL unless one is already known. */
    public void learnPublicBaseUrl(String url) {
        if (url != null && !url.isBlank()) publicBaseUrl.compareAndSet("", trim(url));
    }

    /** How much texts to the union's number can make it send, and all it sends in a day. */
    public SmsLimits limits() {
        return limits;
    }

    public AckTokens ackTokens() {
        return ackTokens;
    }

    /** Makes members' personal link tokens, under a key derived from the ack key (one secret to keep). */
    public PersonalLinkTokens personalLinkTokens() {
        return personalLinkTokens;
    }

    public String ackLink(String token) {
        return publicBaseUrl() + "/v1/acks/" + token;
    }

    /** The link in the alert SMS to this recipient of this incident. */
    public String ackLink(String incidentCode, String incidentId, String recipientId) {
        return ackLink(ackTokens.token(incidentCode, incidentId, recipientId));
    }

    public String triggerLink(String token) {
        return publicBaseUrl() + "/v1/triggers/" + token;
    }

    private static String trim(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }
}
