package huzhu.core.testing;

import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.TriggerTokenStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class MemoryTriggerTokens implements TriggerTokenStore {
    private final Object lock;
    private final MemoryDirectory directory;
    final Map<String, String> memberByTokenHash = new HashMap<>();
    private final Map<String, String> tokenHashByMember = new HashMap<>();

    /** {@code directory} says where a token's member lives: in memory the link names the city of the member as stored. */
    MemoryTriggerTokens(Object lock, MemoryDirectory directory) {
        this.lock = lock;
        this.directory = directory;
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
    public Optional<PhoneLink> linkFor(String tokenHash) {
        synchronized (lock) {
            return Optional.ofNullable(memberByTokenHash.get(tokenHash)).map(memberId -> new PhoneLink(memberId,
                    directory.members().get(memberId).map(m -> m.homeArea() == null ? null : m.homeArea().city())
                            .orElse(null)));
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
