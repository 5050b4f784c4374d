package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.core.kernel.Retries;
import huzhu.core.log.JsonLog;
import huzhu.core.log.JsonLog.Level;
import huzhu.core.sms.SendResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
    private final Retries retries;

    RetryingPublisher(AwsApi sns, Retries retries) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.retries = Objects.requireNonNull(retries, "retries");
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
        Retries.Tried<Answer> tried = retries.run(() -> once(request), Answer::throttled);
        Answer last = tried.last();
        if (last.failure() == null) return new Outcome(SendResult.sent(last.messageId()), tried.attempts());
        return new Outcome(SendResult.failed(tried.reason(last.failure().reason()),
                tried.permanent(last.failure().permanent())), tried.attempts());
    }

    /** One {@code Publish}: SNS's message id, or what its failure means. */
    private record Answer(String messageId, SnsFailure failure) {
        boolean throttled() {
            return failure != null && failure.retryNow();
        }
    }

    private Answer once(Map<String, String> request) {
        try {
            String id = AwsApi.between(sns.query(request), "<MessageId>", "</MessageId>");
            if (id != null && !id.isBlank()) return new Answer(id, null);
            return new Answer(null, new SnsFailure("no-message-id", false, false));
        } catch (RuntimeException e) {
            return new Answer(null, SnsFailure.of(e));
        }
    }
}
