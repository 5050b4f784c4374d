package huzhu.core.incident;

/** Somebody changed the incident between our read and our write; read it again and decide again. */
public final class StaleIncident extends RuntimeException {
    public StaleIncident(String incidentId) {
        super("incident " + incidentId + " changed concurrently", null, false, false);
    }
}
