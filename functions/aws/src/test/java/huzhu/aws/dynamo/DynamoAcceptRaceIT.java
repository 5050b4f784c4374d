package huzhu.aws.dynamo;

import huzhu.core.Store;
import huzhu.core.testing.AcceptRaceContract;
import huzhu.testing.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One volunteer's simultaneous accepts over the DynamoDB store (conditional puts on dynalite). */
class DynamoAcceptRaceIT extends AcceptRaceContract {
    private static DynamoDbClient client;
    private DynamoStore store;

    @BeforeAll
    static void connect() {
        client = TestDynamo.client(Dynalite.shared().endpoint());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected Store newStore() {
        store = TestDynamo.freshStore(client);
        return store;
    }

    @AfterEach
    void dropTable() {
        TestDynamo.drop(client, store.tableName());
    }
}
