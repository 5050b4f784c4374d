package huzhu.aws.dynamo;

import huzhu.testing.Dynalite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A test class's client on the shared dynalite, and stores on tables of their own, each dropped after its test.
 * Register it as a static field: {@code @RegisterExtension static final DynaliteTables tables = new DynaliteTables();}.
 */
final class DynaliteTables implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final ExecutionInterceptor[] interceptors;
    private final List<String> created = new ArrayList<>();
    private DynamoDbClient client;

    DynaliteTables(ExecutionInterceptor... interceptors) {
        this.interceptors = interceptors;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        client = TestDynamo.client(Dynalite.shared().endpoint(), interceptors);
    }

    DynamoDbClient client() {
        return client;
    }

    /** A new store on a new, empty table. */
    DynamoStore freshStore() {
        return remember(TestDynamo.freshStore(client));
    }

    /** A new store on a new, empty table, reading the time from {@code clock}. */
    DynamoStore freshStore(Clock clock) {
        DynamoStore store = new DynamoStore(client, TestDynamo.freshTableName(), clock);
        store.createTableIfMissing();
        return remember(store);
    }

    private synchronized DynamoStore remember(DynamoStore store) {
        created.add(store.tableName());
        return store;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        for (String table : created) TestDynamo.drop(client, table);
        created.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
    }
}
