package huzhu.core.directory;

import java.util.Optional;

/** Members' personal emergency links, kept only as the hash of their token. */
public interface TriggerTokenStore {
    /** Binds a token hash to a member, replacing (and invalidating) the member's previous one. */
    void bind(String memberId, String tokenHash);

    /**
     * The link a token hash names, in one round trip, before the member is read: the member, and the city the member
     * lived in when the link was last written (null when not known), so what depends only on where the member lives
     * can start here. A hint, as a phone's link is: it can name a city the member has left, and, where rotating a
     * token is more than one write, a token the member no longer has ({@link #tokenHashOf} says which one they have).
     */
    Optional<PhoneLink> linkFor(String tokenHash);

    /** Whether the member has a personal trigger token now (only its hash is kept: the link itself is not). */
    boolean has(String memberId);

    /** The hash of the member's current token, if they have one. */
    Optional<String> tokenHashOf(String memberId);

    /** Forgets the member's trigger token (e.g. when the member is deleted). */
    void unbind(String memberId);
}
