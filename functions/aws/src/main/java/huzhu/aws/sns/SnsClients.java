package huzhu.aws.sns;

import huzhu.aws.AwsClients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the one SNS client a function needs, shared by {@link SnsMessenger} and {@link LeaderTopicPublisher}. */
public final class SnsClients {
    /** Whole call, signing and reading the reply included; a Publish normally takes tens of milliseconds. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

    private SnsClients() {
    }

    /**
     * The SDK's own retries are off: {@link SnsMessenger} retries throttling itself with a bounded, injected
     * backoff, and deliberately does not retry 5xx or I/O errors (a retry could send an alert twice). With
     * both layers on, attempts would multiply.
     *
     * @param endpointOverride null for the region's endpoint
     */
    public static SnsClient build(AwsClients clients, URI endpointOverride) {
        return clients.configure(SnsClient.builder(), endpointOverride)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .build())
                .build();
    }
}
