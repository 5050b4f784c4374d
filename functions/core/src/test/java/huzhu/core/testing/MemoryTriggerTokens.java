package huzhu.core.testing;

import huzhu.core.directory.TriggerTokenStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class MemoryTriggerTokens implements TriggerTokenStore {
    private final Object lock;
    final Map<String, String> memberByTokenHash = new HashMap<>();
    private final Map<String, String> tokenHashByMember = new HashMap<>();

    MemoryTriggerTokens(Object lock) {
        this.lock = lock;
    }

    @Override
    public void bind(String memberId, String tokenHash) {
        synchronized (lock) {
            unbind(memberId);
            String previousOwner = memberByTokenHash.put(tokenHash, memberId);
            if (previousOwner != null) tokenHashByMember.remove(previousOwner);
            tokenHashByMember.put(memberId, tokenHash);
        }
    }

    @Override
    public Optional<String> memberIdFor(String tokenHash) {
        synchronized (lock) {
            return Optional.ofNullable(memberByTokenHash.get(tokenHash));
        }
    }

    @Override
    public boolean has(String memberId) {
        synchronized (lock) {
            return tokenHashByMember.containsKey(memberId);
        }
    }

    @Override
    public Optional<String> tokenHashOf(String memberId) {
        synchronized (lock) {
            return Optional.ofNullable(tokenHashByMember.get(memberId));
        }
    }

    @Override
    public void unbind(String memberId) {
        synchronized (lock) {
            String old = tokenHashByMember.remove(memberId);
            if (old != null) memberByTokenHash.remove(old);
        }
    }
}
