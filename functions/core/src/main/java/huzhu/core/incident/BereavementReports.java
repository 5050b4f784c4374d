package huzhu.core.incident;

import huzhu.core.directory.Member;
import java.time.Instant;
import java.util.List;

/**
 * Where {@link InboundSmsService} hands an SMS from a member or their family that may tell of a death in the family
 * (丧事, 去世, 白事…): that is no emergency alert, but the union's leaders must hear of it at once. It is asked only
 * when the member has no active emergency (that one hears of everything first), and it must leave alone anything
 * that might be an emergency ("快来人，我爸不行了"): those open an incident, as any other SMS does.
 */
public interface BereavementReports {
    BereavementReports NONE = (from, body, member, incidentId, active, now) -> false;

    /**
     * @param member     the member the sender is, or is family of
     * @param incidentId the id an incident opened by this SMS takes (the same for a redelivery of it)
     * @param active     the active incidents, as the caller has just read them
     * @return true if the SMS told of a death (recorded) or added to the death recorded, and needs nothing more
     */
    boolean take(String from, String body, Member member, String incidentId, List<Incident> active, Instant now);

    /**
     * Whether the text plainly tells of a death: while an emergency is active it is passed on as news, never read as
     * a wish to stand down ("老伴走了，不用来了"), and from someone holding an alert it is their own family's news, not
     * an answer to the alert.
     */
    default boolean tellsOfADeath(String body) {
        return false;
    }
}
