package huzhu.core.testing;

import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.GuideStore;
import huzhu.core.kernel.StaleWrite;
import java.util.Optional;

final class MemoryGuides implements GuideStore {
    private final Object lock;
    AssistanceGuide guide;

    MemoryGuides(Object lock) {
        this.lock = lock;
    }

    @Override
    public Optional<AssistanceGuide> guide() {
        synchronized (lock) {
            return Optional.ofNullable(guide);
        }
    }

    @Override
    public void saveGuide(AssistanceGuide guide) {
        synchronized (lock) {
            long stored = this.guide == null ? 0 : this.guide.version();
            if (stored != guide.version() - 1) throw new StaleWrite("guide", "assistance-guide");
            this.guide = guide;
        }
    }
}
