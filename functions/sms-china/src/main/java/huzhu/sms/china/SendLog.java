package huzhu.sms.china;

import huzhu.core.rules.PhoneMask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON line per send on the given sink (stdout in Lambda), in the SNS adapter's shape: action
 * {@code sms.send}, the provider, the template, the masked number, outcome, message id, reason, attempts.
 * Never the variables' values: they carry names, addresses and a family's words.
 */
public final class SendLog {
    private final String provider;
    private final Consumer<String> sink;

    public SendLog(String provider, Consumer<String> sink) {
        this.provider = provider;
        this.sink = sink;
    }

    public void write(TemplateSms sms, Attempts.Outcome outcome, long startedNanos) {
        ProviderResult result = outcome.result();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", result.ok() ? "INFO" : result.permanent() ? "WARN" : "ERROR");
        line.put("action", "sms.send");
        line.put("provider", provider);
        line.put("incidentId", sms == null ? null : sms.incidentId());
        line.put("to", sms == null ? null : PhoneMask.mask(sms.to()));
        line.put("template", sms == null ? null : sms.templateId());
        line.put("outcome", result.ok() ? "sent" : "failed");
        line.put("messageId", result.messageId());
        line.put("reason", result.failureReason());
        if (!result.ok()) line.put("permanent", result.permanent());
        line.put("attempts", outcome.attempts());
        line.put("ms", (System.nanoTime() - startedNanos) / 1_000_000);
        line.values().removeIf(v -> v == null);
        sink.accept(JsonText.write(line));
    }
}
