package huzhu.aws.dynamo;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB clients and tables for tests against an emulator (dynalite, LocalStack). */
final class TestDynamo {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private TestDynamo() {
    }

    static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor i : interceptors) c.addExecutionInterceptor(i);
                })
                .build();
    }

    /** A table name no other test of this JVM uses. */
    static String freshTableName() {
        return "huzhu-test-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet();
    }

    /** A new store on a new, empty table. */
    static DynamoStore freshStore(DynamoDbClient client) {
        DynamoStore store = new DynamoStore(client, freshTableName());
        store.createTableIfMissing();
        return store;
    }

    static void drop(DynamoDbClient client, String tableName) {
        client.deleteTable(b -> b.tableName(tableName));
    }
}
