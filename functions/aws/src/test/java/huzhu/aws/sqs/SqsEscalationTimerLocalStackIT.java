package huzhu.aws.sqs;

import huzhu.aws.AwsClients;
import huzhu.testing.LocalStackContainers;
import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The SQS adapter against LocalStack's SQS. Needs Docker (skipped without it). The image is pinned to a
 * release that runs without an auth token; {@code LOCALSTACK_AUTH_TOKEN} is passed through when set.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqsEscalationTimerLocalStackIT extends SqsEscalationTimerContract {
    @Container
    static final LocalStackContainer LOCALSTACK = LocalStackContainers.of(LocalStackContainer.Service.SQS);

    @Override
    protected URI endpoint() {
        return LOCALSTACK.getEndpoint();
    }

    @Override
    protected AwsClients clients() {
        return new AwsClients(Region.of(LOCALSTACK.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey())),
                UrlConnectionHttpClient.create());
    }
}
