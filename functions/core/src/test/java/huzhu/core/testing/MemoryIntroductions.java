package huzhu.core.testing;

import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.IntroductionStore;
import huzhu.core.kernel.StaleWrite;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryIntroductions implements IntroductionStore {
    private final Object lock;
    private final Map<String, FamilyIntroduction> byKey = new TreeMap<>();

    MemoryIntroductions(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(FamilyIntroduction next) {
        synchronized (lock) {
            String key = next.memberId() + " " + next.phone();
            FamilyIntroduction stored = byKey.get(key);
            long expected = stored == null ? 0 : stored.version();
            if (next.version() != expected + 1) throw new StaleWrite("introduction", key);
            byKey.put(key, next);
        }
    }

    @Override
    public Optional<FamilyIntroduction> get(String memberId, String phone) {
        synchronized (lock) {
            return Optional.ofNullable(byKey.get(memberId + " " + phone));
        }
    }

    @Override
    public List<FamilyIntroduction> ofMember(String memberId) {
        synchronized (lock) {
            return byKey.values().stream().filter(i -> i.memberId().equals(memberId)).toList();
        }
    }

    @Override
    public List<FamilyIntroduction> all() {
        synchronized (lock) {
            return List.copyOf(byKey.values());
        }
    }

    @Override
    public List<FamilyIntroduction> withStatus(IntroductionStatus status) {
        synchronized (lock) {
            return byKey.values().stream().filter(i -> i.status() == status)
                    .sorted(Comparator.comparing(FamilyIntroduction::requestedAt)
                            .thenComparing(FamilyIntroduction::memberId).thenComparing(FamilyIntroduction::phone))
                    .toList();
        }
    }
}
