package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.sns.RetryingPublisher.Attribute;
import huzhu.aws.sns.RetryingPublisher.Outcome;
import huzhu.core.kernel.SendWiring;
import huzhu.core.kernel.Text;
import huzhu.core.sms.SendResult;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The SNS topic a publisher writes to, by the ARN its environment variable gave. Without one, every publish fails
 * permanently and names the unset variable; a message with nothing in it fails as {@code empty-message}. Each
 * publish, sent or not, writes one JSON log line. Never throws.
 */
final class SnsTopic {
    /** What one {@code Publish} to the topic carries; {@code subject} null for none. */
    record Message(String text, String subject, Map<String, Attribute> attributes) {
    }

    private final String arn;
    private final String unset;
    private final RetryingPublisher publisher;
    private final Consumer<String> log;

    /** @param name what the failure without a topic calls it, e.g. "leader topic" */
    SnsTopic(AwsApi sns, String arn, String name, String variable, SendWiring wiring) {
        this.arn = Text.strippedOrNull(arn);
        this.unset = "no " + name + " (" + variable + " unset)";
        this.publisher = new RetryingPublisher(sns, wiring.retries());
        this.log = wiring.log();
    }

    boolean configured() {
        return arn != null;
    }

    /**
     * Publishes what {@code message} makes (null: nothing to send), and logs it as {@code action} about
     * {@code aboutKey}: {@code about}.
     */
    SendResult publish(Supplier<Message> message, String action, String aboutKey, Object about) {
        long started = System.nanoTime();
        Outcome outcome;
        if (arn == null) {
            outcome = new Outcome(SendResult.failed(unset, true), 0);
        } else {
            Message m = message.get();
            outcome = m == null ? new Outcome(SendResult.failed("empty-message", true), 0)
                    : publisher.publish(RetryingPublisher.publish(arn, null, m.text(), m.subject(), m.attributes()));
        }
        log.accept(outcome.logLine(action, aboutKey, about, started));
        return outcome.result();
    }
}
