package huzhu.aws.dynamo;

import huzhu.core.Store;
import huzhu.core.testing.AcceptRaceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One volunteer's simultaneous accepts over the DynamoDB store (conditional puts on dynalite). */
class DynamoAcceptRaceIT extends AcceptRaceContract {
    @RegisterExtension
    static final DynaliteTables tables = new DynaliteTables();

    @Override
    protected Store newStore() {
        return tables.freshStore();
    }
}
