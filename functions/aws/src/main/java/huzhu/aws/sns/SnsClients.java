package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import java.net.URI;
import java.time.Duration;

/** Builds the one SNS API a function needs, shared by {@link SnsMessenger} and the topic publishers. */
public final class SnsClients {
    /** Connecting, and each wait for the reply; a Publish normally takes tens of milliseconds. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

    private SnsClients() {
    }

    /**
     * No retries below {@link RetryingPublisher}: it retries throttling itself with a bounded, injected backoff,
     * and deliberately does not retry 5xx or I/O errors (a retry could send an alert twice).
     *
     * @param endpointOverride null for the region's endpoint
     */
    public static AwsApi build(AwsClients clients, URI endpointOverride) {
        return new AwsApi(clients, "sns", endpointOverride, clients.http(API_CALL_TIMEOUT));
    }
}
