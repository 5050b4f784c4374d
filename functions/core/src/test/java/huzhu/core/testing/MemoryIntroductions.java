package huzhu.core.testing;

import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.IntroductionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryIntroductions implements IntroductionStore {
    private final MemoryTable<FamilyIntroduction> byKey;

    MemoryIntroductions(Object lock) {
        this.byKey = new MemoryTable<>(lock, "introduction", i -> key(i.memberId(), i.phone()),
                FamilyIntroduction::version);
    }

    @Override
    public void save(FamilyIntroduction next) {
        byKey.save(next);
    }

    @Override
    public Optional<FamilyIntroduction> get(String memberId, String phone) {
        return byKey.get(key(memberId, phone));
    }

    @Override
    public List<FamilyIntroduction> ofMember(String memberId) {
        return byKey.where(i -> i.memberId().equals(memberId));
    }

    @Override
    public List<FamilyIntroduction> all() {
        return byKey.all();
    }

    @Override
    public List<FamilyIntroduction> withStatus(IntroductionStatus status) {
        return byKey.where(i -> i.status() == status, Comparator.comparing(FamilyIntroduction::requestedAt)
                .thenComparing(FamilyIntroduction::memberId).thenComparing(FamilyIntroduction::phone));
    }

    private static String key(String memberId, String phone) {
        return memberId + " " + phone;
    }
}
