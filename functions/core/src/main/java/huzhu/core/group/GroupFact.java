package huzhu.core.group;

import java.time.Duration;

/**
 * Something the union's groups may hear of, as plain facts: an incident's code, the member's home district and how
 * it stands; never a name, a phone number or an address. {@code district} is empty when it is not known.
 */
public sealed interface GroupFact {
    /** The incident, notice or care record the fact is about (for logs). */
    String subjectId();

    /** A help request was opened (volunteers are being alerted). */
    record IncidentOpened(String subjectId, String code, String district) implements GroupFact {
    }

    /** Someone accepted it, {@code took} after it was opened. */
    record IncidentAccepted(String subjectId, String code, String district, Duration took) implements GroupFact {
    }

    /** A union officer took it in hand at the console, {@code took} after it was opened (nobody had accepted yet). */
    record IncidentTakenInHand(String subjectId, String code, String district, Duration took) implements GroupFact {
    }

    /** Nobody had accepted: it moved on to {@code level} of the escalation policy. */
    record IncidentEscalated(String subjectId, String code, String district, int level) implements GroupFact {
    }

    record IncidentResolved(String subjectId, String code, String district) implements GroupFact {
    }

    /** A false alarm, stood down. */
    record IncidentCancelled(String subjectId, String code, String district) implements GroupFact {
    }

    /**
     * A leaders' level was alerted: the summary for a leaders' group.
     *
     * @param type the incident's type as the contract spells it ({@code medical}, {@code fire}…)
     * @param open how long it has waited for someone to accept
     */
    record LeadersAlerted(String subjectId, String code, String district, String type, int leaderLevel,
            Duration open) implements GroupFact {
    }

    /**
     * A district in surge (many help requests at once): its incidents are not told one by one but in this line, when
     * the surge starts, once per summary interval while it lasts, and when it ends.
     *
     * @param subjectId the district's key (city/district)
     * @param waiting   its incidents nobody has accepted yet
     * @param handled   its active incidents someone has accepted
     * @param longestWaitMinutes how long the oldest waiting one has waited
     */
    record DistrictSurge(String subjectId, String district, Stage stage, int waiting, int handled,
            long longestWaitMinutes) implements GroupFact {
        public enum Stage { STARTED, CONTINUING, ENDED }
    }

    /** A death in a member's family was recorded: the union's leaders of every level are told at once. */
    record BereavementRecorded(String subjectId, String code, String district) implements GroupFact {
    }

    /** A notice went out by SMS; the group gets it too, with the link to its page. */
    record NoticeSent(String subjectId, String title, String text, String pageUrl) implements GroupFact {
    }
}
