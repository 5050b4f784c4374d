package huzhu.sms.china.tencent;

import huzhu.core.kernel.SendWiring;
import huzhu.sms.china.Attempts;
import huzhu.sms.china.HttpPost;
import huzhu.core.kernel.JsonText;
import huzhu.sms.china.ProviderResult;
import huzhu.sms.china.SendFailure;
import huzhu.sms.china.TemplateSender;
import huzhu.sms.china.TemplateSms;
import huzhu.sms.china.UrlConnectionPost;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends registered-template SMS through Tencent Cloud SMS: {@code SendSms} of API {@code 2021-01-11}, signed
 * with {@link Tc3Signer}. One request per recipient, so each message has its own {@code SerialNo} and a bad
 * number fails alone; {@code TemplateParamSet} carries the variables in order ({@code {1}}, {@code {2}} …).
 * Never throws for one recipient; throttling is retried with bounded backoff, everything else answered at once.
 */
public final class TencentSms implements TemplateSender {
    static final String ACTION = "SendSms";

    private final TencentApi api;
    private final Attempts attempts;

    /** Production wiring: URLConnection, the system clock, {@link SendWiring#PRODUCTION}. */
    public TencentSms(TencentConfig config) {
        this(config, new UrlConnectionPost(), Clock.systemUTC(), SendWiring.PRODUCTION);
    }

    public TencentSms(TencentConfig config, HttpPost http, Clock clock, SendWiring attempts) {
        this.api = new TencentApi(config, http, clock);
        this.attempts = new Attempts("tencent", attempts);
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("PhoneNumberSet", List.of(sms.to().strip()));
        payload.put("SmsSdkAppId", api.config().sdkAppId());
        payload.put("SignName", api.config().signName());
        payload.put("TemplateId", sms.templateId());
        payload.put("TemplateParamSet", new ArrayList<>(sms.params().values()));
        if (sms.reference() != null && !sms.reference().isBlank()) payload.put("SessionContext", sms.reference());
        TencentApi.Result result = api.call(ACTION, payload);
        if (result.failure() != null) return Attempts.Answer.failed(result.failure());
        List<Object> statuses = JsonText.array(result.response().get("SendStatusSet"));
        Map<String, Object> status = statuses == null || statuses.isEmpty() ? null : JsonText.object(statuses.get(0));
        if (status == null) return Attempts.Answer.failed(SendFailure.noMessageId(null));
        String code = JsonText.text(status, "Code");
        String serialNo = JsonText.text(status, "SerialNo");
        if ("Ok".equalsIgnoreCase(code) && serialNo != null && !serialNo.isBlank()) return Attempts.Answer.sent(serialNo);
        if ("Ok".equalsIgnoreCase(code)) return Attempts.Answer.failed(SendFailure.noMessageId(code));
        return Attempts.Answer.failed(TencentErrors.classify(200, code));
    }
}
