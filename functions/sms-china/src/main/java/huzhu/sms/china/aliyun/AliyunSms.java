package huzhu.sms.china.aliyun;

import huzhu.core.kernel.SendWiring;
import huzhu.sms.china.Attempts;
import huzhu.sms.china.Hashing;
import huzhu.sms.china.HttpPost;
import huzhu.core.kernel.JsonText;
import huzhu.sms.china.Phones;
import huzhu.sms.china.ProviderResult;
import huzhu.sms.china.SendFailure;
import huzhu.sms.china.TemplateSender;
import huzhu.sms.china.TemplateSms;
import huzhu.sms.china.UrlConnectionPost;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends registered-template SMS through Alibaba Cloud SMS: {@code SendSms} of dysmsapi {@code 2017-05-25}, RPC
 * style, parameters in the query of a POST with an empty body, signed with {@link Acs3Signer}. One request per
 * recipient ({@code PhoneNumbers} holds one number), so each message has its own {@code BizId}, the key of its
 * delivery report. Never throws for one recipient; throttling is retried with bounded backoff, everything else
 * answered at once (Alibaba: "发生超时失败的情况时,建议查看回执状态后再判断是否重试", sends are not idempotent).
 */
public final class AliyunSms implements TemplateSender {
    static final String ACTION = "SendSms";
    static final String VERSION = "2017-05-25";
    private static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ISO_INSTANT;

    private final AliyunConfig config;
    private final HttpPost http;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final Attempts attempts;

    /** Production wiring: URLConnection, the system clock, secure nonces, {@link SendWiring#PRODUCTION}. */
    public AliyunSms(AliyunConfig config) {
        this(config, new UrlConnectionPost(), Clock.systemUTC(), AliyunSms::secureNonce, SendWiring.PRODUCTION);
    }

    public AliyunSms(AliyunConfig config, HttpPost http, Clock clock, Supplier<String> nonces,
            SendWiring attempts) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.attempts = new Attempts("aliyun", attempts);
    }

    @Override
    public List<ProviderResult> sendAll(List<TemplateSms> messages) {
        return attempts.sendAll(messages, this::call);
    }

    @Override
    public ProviderResult send(TemplateSms sms) {
        return attempts.send(sms, this::call);
    }

    private Attempts.Answer call(TemplateSms sms) {
        TreeMap<String, String> query = new TreeMap<>();
        query.put("PhoneNumbers", Phones.aliyunForm(sms.to().strip()));
        query.put("SignName", config.signName());
        query.put("TemplateCode", sms.templateId());
        if (!sms.params().isEmpty()) query.put("TemplateParam", JsonText.write(sms.params()));
        if (sms.reference() != null && !sms.reference().isBlank()) query.put("OutId", sms.reference());

        URI endpoint = config.endpoint();
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("host", endpoint.getRawAuthority());
        signed.put("x-acs-action", ACTION);
        signed.put("x-acs-content-sha256", Hashing.sha256Hex(new byte[0]));
        signed.put("x-acs-date", ACS_DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        signed.put("x-acs-signature-nonce", nonces.get());
        signed.put("x-acs-version", VERSION);
        Acs3Signer.Signed signature = Acs3Signer.sign("POST", "/", query, signed,
                signed.get("x-acs-content-sha256"), config.accessKeyId(), config.accessKeySecret());

        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put("Authorization", signature.authorization());
        headers.put("Accept", "application/json");
        URI uri = endpoint.resolve("/?" + Acs3Signer.canonicalQuery(query));
        HttpPost.Reply reply;
        try {
            reply = http.post(uri, headers, new byte[0]);
        } catch (IOException | RuntimeException e) {
            // no answer (refused, timed out, reset): it may or may not have been sent
            return Attempts.Answer.failed(SendFailure.transientFailure("network", " (" + e.getClass().getSimpleName() + ")"));
        }
        return answer(reply);
    }

    static Attempts.Answer answer(HttpPost.Reply reply) {
        Map<String, Object> body;
        try {
            body = JsonText.object(JsonText.parse(reply.body()));
        } catch (IllegalArgumentException e) {
            body = null;
        }
        String code = body == null ? null : JsonText.text(body, "Code");
        if (reply.status() == 200 && "OK".equals(code)) {
            String bizId = JsonText.text(body, "BizId");
            if (bizId != null && !bizId.isBlank()) return Attempts.Answer.sent(bizId);
            return Attempts.Answer.failed(SendFailure.noMessageId(code));
        }
        return Attempts.Answer.failed(AliyunErrors.classify(reply.status(), code));
    }

    private static String secureNonce() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Hashing.hex(bytes);
    }
}
