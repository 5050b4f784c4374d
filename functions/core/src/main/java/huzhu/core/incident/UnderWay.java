package huzhu.core.incident;

/**
 * The member's emergency is already under way in another incident: a second one raised at the same instant (a press
 * of the link and a family's text, two family phones) joins that one instead of alerting everyone again.
 */
public final class UnderWay extends RuntimeException {
    private final String incidentId;

    public UnderWay(String incidentId) {
        super("the member's emergency is under way in incident " + incidentId, null, false, false);
        this.incidentId = incidentId;
    }

    /** The incident under way. */
    public String incidentId() {
        return incidentId;
    }
}
