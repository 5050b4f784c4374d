package huzhu.core.incident;

import huzhu.core.Store;
import huzhu.core.testing.EscalationRaceContract;
import huzhu.core.testing.InMemoryStore;

class InMemoryEscalationRaceTest extends EscalationRaceContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
