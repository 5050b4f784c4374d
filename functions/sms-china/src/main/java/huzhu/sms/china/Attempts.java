package huzhu.sms.china;

import huzhu.core.kernel.PhoneMask;
import huzhu.core.kernel.Retries;
import huzhu.core.kernel.SendWiring;
import huzhu.core.log.JsonLog;
import huzhu.core.log.JsonLog.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs one provider call, again only while the provider says it is throttled (then it did not take the
 * message, so a retry cannot duplicate it). Everything else ends at once: a 5xx or a lost connection may
 * already have sent the SMS, and a second copy of an alert is worse than letting the caller decide. Each send
 * ends in one {@link JsonLog} line on the provider's sink (stdout in Lambda).
 */
public final class Attempts {
    /** One call's answer: the provider's message id, or why it failed. */
    public record Answer(String messageId, SendFailure failure) {
        public static Answer sent(String messageId) {
            return new Answer(Objects.requireNonNull(messageId), null);
        }

        public static Answer failed(SendFailure failure) {
            return new Answer(null, Objects.requireNonNull(failure));
        }

        boolean throttled() {
            return failure != null && failure.retryNow();
        }
    }

    /** The result and how many calls it took. */
    public record Outcome(ProviderResult result, int attempts) {
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final String provider;
    private final SendWiring wiring;

    public Attempts(String provider, SendWiring wiring) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.wiring = Objects.requireNonNull(wiring, "wiring");
    }

    /** {@link #send} for each message, in parallel ({@link FanOut}), results in the order of the batch. */
    public List<ProviderResult> sendAll(List<TemplateSms> messages, Function<TemplateSms, Answer> call) {
        return FanOut.sendAll(messages, sms -> send(sms, call));
    }

    /**
     * What every provider's {@code send} does around its call: refuses a message that cannot be sent (no E.164
     * number, no template) without calling, runs the call, and writes the one log line.
     */
    public ProviderResult send(TemplateSms sms, Function<TemplateSms, Answer> call) {
        long started = System.nanoTime();
        Outcome outcome;
        if (sms == null || sms.to() == null || !E164.matcher(sms.to().strip()).matches()) {
            outcome = new Outcome(ProviderResult.failed("invalid-number (not E.164)", true), 0);
        } else if (sms.templateId() == null || sms.templateId().isBlank()) {
            outcome = new Outcome(ProviderResult.failed("no-template", true), 0);
        } else {
            outcome = run(() -> call.apply(sms));
        }
        log(sms, outcome, started);
        return outcome.result();
    }

    /**
     * The send's line in the SNS adapter's shape: action {@code sms.send}, the provider, the template, the masked
     * number, outcome, message id, reason, attempts. Never the variables' values: they carry names, addresses and a
     * family's words.
     */
    private void log(TemplateSms sms, Outcome outcome, long startedNanos) {
        ProviderResult result = outcome.result();
        Map<String, Object> line = new LinkedHashMap<>();
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
        line.values().removeIf(Objects::isNull);
        Level level = result.ok() ? Level.INFO : result.permanent() ? Level.WARN : Level.ERROR;
        wiring.log().accept(JsonLog.line(level, "sms.send", line));
    }

    public Outcome run(Supplier<Answer> call) {
        Retries.Tried<Answer> tried = wiring.retries().run(call, Answer::throttled);
        Answer last = tried.last();
        if (last.messageId() != null) return new Outcome(ProviderResult.sent(last.messageId()), tried.attempts());
        return new Outcome(ProviderResult.failed(tried.reason(last.failure().reason()),
                tried.permanent(last.failure().permanent())), tried.attempts());
    }
}
