package huzhu.local;

import huzhu.aws.AwsClients;
import huzhu.aws.dynamo.DynamoStore;
import huzhu.core.Store;
import huzhu.core.log.JsonLog;
import huzhu.local.store.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store the local stack runs on: the embedded one (durable in the data dir), or — when
 * HUZHU_DYNAMODB_ENDPOINT is set — the very DynamoDB adapter the functions use in AWS, against dynalite,
 * LocalStack or AWS itself, creating the table if it is missing.
 */
final class LocalStores {
    static final String DEFAULT_TABLE = "huzhu-local";

    private LocalStores() {
    }

    static Store open(LocalConfig config) {
        if (config.embeddedStore()) {
            try {
                DataDir.createOwnerOnly(config.dataDir().resolve(SqliteStore.FILE_NAME));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return SqliteStore.open(config.dataDir());
        }
        String table = System.getenv().getOrDefault("HUZHU_TABLE", DEFAULT_TABLE);
        AwsClients clients = new AwsClients(Region.of(config.region()), credentials(),
                UrlConnectionHttpClient.builder().build());
        DynamoDbClient client = DynamoStore.clientBuilder(clients, config.dynamodbEndpoint()).build();
        DynamoStore store = new DynamoStore(client, table);
        store.createTableIfMissing();
        JsonLog.info("store.dynamodb", "table", table, "endpoint", String.valueOf(config.dynamodbEndpoint()));
        return store;
    }

    /** Real credentials when the environment has them (AWS itself); any will do for dynalite and LocalStack. */
    static AwsCredentialsProvider credentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) return EnvironmentVariableCredentialsProvider.create();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
