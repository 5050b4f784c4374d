package huzhu.core.incident;

import huzhu.core.Store;
import huzhu.core.testing.AcceptRaceContract;
import huzhu.core.testing.InMemoryStore;

class InMemoryAcceptRaceTest extends AcceptRaceContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
