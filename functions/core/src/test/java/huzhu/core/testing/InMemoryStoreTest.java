package huzhu.core.testing;

import huzhu.core.port.Store;

class InMemoryStoreTest extends StoreContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
