package huzhu.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Store;
import huzhu.core.testing.StoreContract;
import huzhu.testing.LocalStackContainers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The store contract against LocalStack's DynamoDB, where there is Docker (skipped otherwise). The image is
 * pinned to a release that starts without an auth token; LOCALSTACK_AUTH_TOKEN is passed on when set.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoStoreLocalStackIT extends StoreContract {
    @Container
    private static final LocalStackContainer localstack = LocalStackContainers.of();

    private static DynamoDbClient client;
    private DynamoStore dynamoStore;

    @BeforeAll
    static void connect() {
        client = TestDynamo.client(localstack.getEndpoint());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) client.close();
    }

    @Override
    protected Store newStore() {
        dynamoStore = TestDynamo.freshStore(client);
        return dynamoStore;
    }

    @AfterEach
    void dropTable() {
        TestDynamo.drop(client, dynamoStore.tableName());
    }

    @Test
    void createTableIfMissing_turnsOnTimeToLive_forExpiresAt() {
        // given a table made by newStore()

        // when
        var ttl = client.describeTimeToLive(b -> b.tableName(dynamoStore.tableName())).timeToLiveDescription();

        // then
        assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }
}
