package huzhu.core.directory;

import java.util.Optional;

/** Members' personal emergency links, kept only as the hash of their token. */
public interface TriggerTokenStore {
    /** Binds a token hash to a member, replacing (and invalidating) the member's previous one. */
    void bind(String memberId, String tokenHash);

    Optional<String> memberIdFor(String tokenHash);

    /** Whether the member has a personal trigger token now (only its hash is kept: the link itself is not). */
    boolean has(String memberId);

    /** The hash of the member's current token, if they have one. */
    Optional<String> tokenHashOf(String memberId);

    /** Forgets the member's trigger token (e.g. when the member is deleted). */
    void unbind(String memberId);
}
