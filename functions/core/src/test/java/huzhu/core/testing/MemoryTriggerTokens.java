package huzhu.core.testing;

import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.TriggerTokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryTriggerTokens implements TriggerTokenStore {
    private record Binding(String memberId, String tokenHash) {
    }

    private final Object lock;
    private final MemoryDirectory directory;
    private final MemoryTable<Binding> byMember;

    /** {@code directory} says where a token's member lives: in memory the link names the city of the member as stored. */
    MemoryTriggerTokens(Object lock, MemoryDirectory directory) {
        this.lock = lock;
        this.directory = directory;
        this.byMember = new MemoryTable<>(lock, "trigger token", Binding::memberId);
    }

    @Override
    public void bind(String memberId, String tokenHash) {
        synchronized (lock) {
            bindingOf(tokenHash).ifPresent(previous -> byMember.delete(previous.memberId()));
            byMember.put(new Binding(memberId, tokenHash));
        }
    }

    @Override
    public Optional<PhoneLink> linkFor(String tokenHash) {
        return bindingOf(tokenHash).map(b -> directory.members().get(b.memberId()).map(MemoryDirectory::linkOf)
                .orElse(new PhoneLink(b.memberId(), null)));
    }

    @Override
    public boolean has(String memberId) {
        return byMember.get(memberId).isPresent();
    }

    @Override
    public Optional<String> tokenHashOf(String memberId) {
        return byMember.get(memberId).map(Binding::tokenHash);
    }

    @Override
    public void unbind(String memberId) {
        byMember.delete(memberId);
    }

    /** Which member each token hash names. */
    Map<String, String> memberByTokenHash() {
        Map<String, String> links = new TreeMap<>();
        byMember.all().forEach(b -> links.put(b.tokenHash(), b.memberId()));
        return links;
    }

    private Optional<Binding> bindingOf(String tokenHash) {
        return byMember.where(b -> b.tokenHash().equals(tokenHash)).stream().findFirst();
    }
}
