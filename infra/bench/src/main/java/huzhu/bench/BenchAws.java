package huzhu.bench;

import huzhu.aws.AwsClients;
import huzhu.aws.dynamo.DynamoStore;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The production adapters' SDK setup (URLConnection, explicit region), with fixed test credentials. */
public final class BenchAws {
    public static final String REGION = "ap-east-1";

    private BenchAws() {
    }

    public static AwsClients clients() {
        return new AwsClients(Region.of(REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench-secret")),
                UrlConnectionHttpClient.builder().build());
    }

    /** A DynamoDB client as {@code DynamoStore.fromEnvironment} builds it, plus interceptors that watch it. */
    public static DynamoDbClient dynamo(AwsClients clients, URI endpoint, ExecutionInterceptor... interceptors) {
        var builder = DynamoStore.clientBuilder(clients, endpoint);
        builder.overrideConfiguration(c -> {
            for (ExecutionInterceptor i : interceptors) c.addExecutionInterceptor(i);
        });
        return builder.build();
    }

    /** A store on a new table of that name (created with its indexes). */
    public static DynamoStore store(DynamoDbClient client, String table) {
        DynamoStore store = new DynamoStore(client, table);
        store.createTableIfMissing();
        return store;
    }
}
