package huzhu.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Store;
import huzhu.core.testing.StoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract against dynalite, each test on a table of its own. Every operation is counted, and
 * after each story no Scan may have been sent: every access pattern is served by a key or an index.
 */
class DynamoStoreIT extends StoreContract {
    private static final OperationCounter operations = new OperationCounter();
    @RegisterExtension
    static final DynaliteTables tables = new DynaliteTables(operations);

    @Override
    protected Store newStore() {
        DynamoStore store = tables.freshStore();
        operations.reset();
        return store;
    }

    @AfterEach
    void noStoryNeededAScan() {
        assertThat(operations.count("Scan")).as("Scans in %s", operations.snapshot()).isZero();
    }
}
