package huzhu.local;

import huzhu.core.port.Store;
import huzhu.local.store.SqliteStore;

/** The store the local stack runs on: embedded (durable in the data dir) unless a DynamoDB endpoint is set. */
final class LocalStores {
    private LocalStores() {
    }

    static Store open(LocalConfig config) {
        return SqliteStore.open(config.dataDir());
    }
}
