package huzhu.core.testing;

import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.GuideStore;
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
            this.guide = guide;
        }
    }
}
