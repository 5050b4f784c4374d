package huzhu.core.directory;

import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryService.TriggerLink;
import huzhu.core.error.Conflict;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Hashes;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Members' personal emergency links: the one that works now (for the printed card, the introduction SMS), and a
 * new one on purpose (the old one stops working). The rotation number is not stored: the member's current token
 * hash says which rotation it is ({@link PersonalLinkTokens} makes each), found by trying them in order — a
 * member's link is rotated a handful of times in its life, so that is a few hashes. A token issued before links
 * could be made again (a random one), or under another key, is found by none: it keeps working, but its link
 * cannot be given again until a new one is issued.
 */
public final class PersonalLinks {
    /** More rotations than any member's link will see; the search for the current one stops here. */
    static final int MAX_ROTATIONS = 1000;

    private final TriggerTokenStore tokens;
    private final PersonalLinkTokens make;
    private final ServiceConfig config;
    private final AuditService audit;

    public PersonalLinks(TriggerTokenStore tokens, ServiceConfig config, AuditService audit) {
        this.tokens = tokens;
        this.make = config.personalLinkTokens();
        this.config = config;
        this.audit = audit;
    }

    /** Whether the member has a link at all (one that can be given again or not). */
    public boolean has(String memberId) {
        return tokens.has(memberId);
    }

    /** The member's link as it works now, if it can be given again. */
    public Optional<TriggerLink> current(String memberId) {
        Optional<String> hash = tokens.tokenHashOf(memberId);
        if (hash.isEmpty()) return Optional.empty();
        OptionalInt rotation = rotationOf(memberId, hash.get());
        if (rotation.isEmpty()) return Optional.empty();
        return Optional.of(link(make.token(memberId, rotation.getAsInt())));
    }

    /** A new link for the member; the previous one stops working at once. */
    public TriggerLink issue(Member member, Actor actor) {
        int next = tokens.tokenHashOf(member.id()).map(h -> rotationOf(member.id(), h).orElse(0)).orElse(0) + 1;
        if (next > MAX_ROTATIONS) throw new Conflict("too_many_rotations", "error.link.tooManyRotations");
        String token = make.token(member.id(), next);
        tokens.bind(member.id(), Hashes.sha256(token));
        audit.record(actor, "trigger-link", "member", member.id(), member.name());
        return link(token);
    }

    private OptionalInt rotationOf(String memberId, String tokenHash) {
        for (int r = 1; r <= MAX_ROTATIONS; r++) {
            if (Hashes.sha256(make.token(memberId, r)).equals(tokenHash)) return OptionalInt.of(r);
        }
        return OptionalInt.empty();
    }

    private TriggerLink link(String token) {
        return new TriggerLink(token, config.triggerLink(token));
    }
}
