package huzhu.local.store;

import huzhu.core.Store;
import huzhu.core.testing.AcceptRaceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** One volunteer's simultaneous accepts over the local stack's embedded store. */
class SqliteAcceptRaceIT extends AcceptRaceContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return SqliteStore.open(dataDir);
    }
}
