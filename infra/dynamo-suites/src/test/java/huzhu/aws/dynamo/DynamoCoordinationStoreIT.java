package huzhu.aws.dynamo;

import huzhu.core.Store;
import huzhu.core.testing.CoordinationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The coordination store contract over the DynamoDB store, each test on a table of its own. */
class DynamoCoordinationStoreIT extends CoordinationStoreContract {
    @RegisterExtension
    static final DynaliteTables tables = new DynaliteTables();

    @Override
    protected Store newStore() {
        return tables.freshStore();
    }
}
