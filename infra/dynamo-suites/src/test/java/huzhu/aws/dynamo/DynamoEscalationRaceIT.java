package huzhu.aws.dynamo;

import huzhu.core.Store;
import huzhu.core.testing.EscalationRaceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The escalation races over the DynamoDB store (conditional puts on dynalite), each on a table of its own. */
class DynamoEscalationRaceIT extends EscalationRaceContract {
    @RegisterExtension
    static final DynaliteTables tables = new DynaliteTables();

    @Override
    protected Store newStore() {
        return tables.freshStore();
    }
}
