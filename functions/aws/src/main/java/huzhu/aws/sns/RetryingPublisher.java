package huzhu.aws.sns;

import huzhu.core.kernel.Backoff;
import huzhu.core.sms.SendResult;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * One {@code Publish}, retried only while SNS says it is throttled (then SNS did not take the message, so a
 * retry cannot duplicate it). Everything else fails at once: a 5xx or a lost connection may already have
 * sent the SMS, and a second copy of an alert is worse than letting the caller decide.
 * Never throws: every outcome is a {@link SendResult}.
 */
final class RetryingPublisher {
    /** The result and how many {@code Publish} calls it took. */
    record Outcome(SendResult result, int attempts) {
    }

    private final SnsClient sns;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    RetryingPublisher(SnsClient sns, Backoff backoff, Sleeper sleeper, DoubleSupplier jitter) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    Outcome publish(PublishRequest request) {
        int attempt = 0;
        while (true) {
            attempt++;
            SnsFailure failure;
            try {
                PublishResponse response = sns.publish(request);
                String id = response.messageId();
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
