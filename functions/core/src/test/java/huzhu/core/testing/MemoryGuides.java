package huzhu.core.testing;

import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.GuideStore;
import java.util.Optional;

final class MemoryGuides implements GuideStore {
    private static final String THE_GUIDE = "assistance-guide";

    private final MemoryTable<AssistanceGuide> guide;

    MemoryGuides(Object lock) {
        this.guide = new MemoryTable<>(lock, "guide", g -> THE_GUIDE, AssistanceGuide::version);
    }

    @Override
    public Optional<AssistanceGuide> guide() {
        return guide.get(THE_GUIDE);
    }

    @Override
    public void saveGuide(AssistanceGuide guide) {
        this.guide.save(guide);
    }
}
