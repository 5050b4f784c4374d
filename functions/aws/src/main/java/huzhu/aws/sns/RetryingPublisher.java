package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.core.kernel.Backoff;
import huzhu.core.log.JsonLog;
import huzhu.core.log.JsonLog.Level;
import huzhu.core.sms.SendResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * One SNS {@code Publish}, retried only while SNS says it is throttled (then SNS did not take the message, so a
 * retry cannot duplicate it). Everything else fails at once: a 5xx or a lost connection may already have
 * sent the SMS, and a second copy of an alert is worse than letting the caller decide.
 * Never throws: every outcome is a {@link SendResult}.
 */
final class RetryingPublisher {
    /** The result and how many {@code Publish} calls it took. */
    record Outcome(SendResult result, int attempts) {
        /** The JSON log line of a topic publish: what it was about, how it went, how long since {@code startedNanos}. */
        String logLine(String action, String aboutKey, Object about, long startedNanos) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("action", action);
            line.put(aboutKey, about);
            line.put("outcome", result.ok() ? "sent" : "failed");
            line.put("messageId", result.messageId());
            line.put("reason", result.failureReason());
            line.put("attempts", attempts);
            line.put("ms", (System.nanoTime() - startedNanos) / 1_000_000);
            line.values().removeIf(Objects::isNull);
            return JsonLog.line(result.ok() ? Level.INFO : Level.ERROR, action, line);
        }
    }

    /** A message attribute: its SNS data type ({@code String}, {@code Number}) and value. */
    record Attribute(String dataType, String value) {
        static Attribute string(String value) {
            return new Attribute("String", value);
        }
    }

    private final AwsApi sns;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    RetryingPublisher(AwsApi sns, Backoff backoff, Sleeper sleeper, DoubleSupplier jitter) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * The {@code Publish} parameters in the order the SDK's query marshaller writes them.
     *
     * @param topicArn    null to send to {@code phoneNumber}
     * @param phoneNumber null to publish to {@code topicArn}
     * @param subject     null for none
     */
    static Map<String, String> publish(String topicArn, String phoneNumber, String message, String subject,
            Map<String, Attribute> attributes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "Publish");
        p.put("Version", "2010-03-31");
        if (topicArn != null) p.put("TopicArn", topicArn);
        if (phoneNumber != null) p.put("PhoneNumber", phoneNumber);
        p.put("Message", message);
        if (subject != null) p.put("Subject", subject);
        int n = 0;
        for (Map.Entry<String, Attribute> a : attributes.entrySet()) {
            String entry = "MessageAttributes.entry." + ++n;
            p.put(entry + ".Name", a.getKey());
            p.put(entry + ".Value.DataType", a.getValue().dataType());
            p.put(entry + ".Value.StringValue", a.getValue().value());
        }
        return p;
    }

    Outcome publish(Map<String, String> request) {
        int attempt = 0;
        while (true) {
            attempt++;
            SnsFailure failure;
            try {
                String id = AwsApi.between(sns.query(request), "<MessageId>", "</MessageId>");
                if (id != null && !id.isBlank()) return new Outcome(SendResult.sent(id), attempt);
                failure = new SnsFailure("no-message-id", false, false);
            } catch (RuntimeException e) {
                failure = SnsFailure.of(e);
            }
            if (!failure.retryNow() || attempt >= backoff.maxAttempts()) {
                String reason = failure.retryNow() ? failure.reason() + " after " + attempt + " attempts"
                        : failure.reason();
                return new Outcome(SendResult.failed(reason, failure.permanent()), attempt);
            }
            Duration wait = backoff.delayAfter(attempt, jitter.getAsDouble());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(SendResult.failed(failure.reason() + ", interrupted while backing off", false),
                        attempt);
            }
        }
    }
}
