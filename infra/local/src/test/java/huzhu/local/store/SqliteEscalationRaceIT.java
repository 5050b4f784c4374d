package huzhu.local.store;

import huzhu.core.Store;
import huzhu.core.testing.EscalationRaceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The escalation races over the local stack's embedded store. */
class SqliteEscalationRaceIT extends EscalationRaceContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return SqliteStore.open(dataDir);
    }
}
