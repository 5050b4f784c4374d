package huzhu.core.testing;

import huzhu.core.Store;

class InMemoryCoordinationStoreTest extends CoordinationStoreContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
