package huzhu.local.store;

import huzhu.core.Store;
import huzhu.core.testing.CoordinationStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteCoordinationStoreIT extends CoordinationStoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return SqliteStore.open(dataDir);
    }
}
