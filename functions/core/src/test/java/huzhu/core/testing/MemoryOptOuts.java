package huzhu.core.testing;

import huzhu.core.sms.OptOutStore;
import java.time.Instant;
import java.util.Optional;

final class MemoryOptOuts implements OptOutStore {
    private record OptOut(String e164, Instant at) {
    }

    private final MemoryTable<OptOut> byPhone;

    MemoryOptOuts(Object lock) {
        this.byPhone = new MemoryTable<>(lock, "opt-out", OptOut::e164);
    }

    @Override
    public void record(String e164, Instant at) {
        byPhone.insertIfAbsent(new OptOut(e164, at));
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        return byPhone.get(e164).map(OptOut::at);
    }

    @Override
    public void clear(String e164) {
        byPhone.delete(e164);
    }
}
