package huzhu.aws.sqs;

import huzhu.aws.AwsClients;
import huzhu.testing.ElasticMq;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The SQS adapter against ElasticMQ, in this JVM. */
class SqsEscalationTimerIT extends SqsEscalationTimerContract {
    private static final AwsClients CLIENTS = new AwsClients(Region.of("cn-north-1"),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
            UrlConnectionHttpClient.create());

    @Override
    protected URI endpoint() {
        return ElasticMq.shared().endpoint();
    }

    @Override
    protected AwsClients clients() {
        return CLIENTS;
    }
}
