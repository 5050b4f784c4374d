package huzhu.core.testing;

import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.TriggerTokenStore;
import java.util.Optional;

/** What the tests ask of a store's personal links, read through the port as {@code TriggerService} reads them. */
public final class TriggerLinks {
    private TriggerLinks() {
    }

    /** The member a token hash opens now: its link names them and it is still their token. */
    public static Optional<String> liveMemberOf(TriggerTokenStore tokens, String tokenHash) {
        return tokens.linkFor(tokenHash).map(PhoneLink::memberId)
                .filter(memberId -> tokens.tokenHashOf(memberId).filter(tokenHash::equals).isPresent());
    }
}
