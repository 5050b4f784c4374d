package huzhu.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Store;
import huzhu.core.testing.StoreContract;
import huzhu.testing.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store contract against dynalite, each test on a table of its own. Every operation is counted, and
 * after each story no Scan may have been sent: every access pattern is served by a key or an index.
 */
class DynamoStoreIT extends StoreContract {
    private static final OperationCounter operations = new OperationCounter();
    private static DynamoDbClient client;
    private DynamoStore dynamoStore;

    @BeforeAll
    static void connect() {
        client = TestDynamo.client(Dynalite.shared().endpoint(), operations);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected Store newStore() {
        dynamoStore = TestDynamo.freshStore(client);
        operations.reset();
        return dynamoStore;
    }

    @AfterEach
    void noStoryNeededAScan() {
        assertThat(operations.count("Scan")).as("Scans in %s", operations.snapshot()).isZero();
        TestDynamo.drop(client, dynamoStore.tableName());
    }
}
