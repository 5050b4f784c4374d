package huzhu.aws.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The values of key attributes. Sort keys that order by time use a fixed-width timestamp, because
 * DynamoDB compares strings byte by byte and {@link Instant#toString()} drops trailing zeros
 * ("…:00Z" would sort after "…:00.500Z"). A sort key "time#id" orders by time, then id.
 */
final class Keys {
    static final String SEP = "#";

    /** Sorts after every date and timestamp: the slot for "no due date" and "no deadline". */
    static final String NEVER = "~";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    /**
     * The keys of one kind of record, written the same way for every kind: a record's partition (or, within its
     * owner's partition, its sort key) {@code KIND#id}; the sort key {@code KIND} of a record in its own partition;
     * and the partitions of the index that list them all ({@code KIND}), those with one status
     * ({@code KIND#STATUS#status}) and those of one owner ({@code KIND#OWNER#id}).
     */
    record Kind(String name) {
        String item(String id) {
            return prefix() + id;
        }

        /** What every {@link #item} key of this kind begins with. */
        String prefix() {
            return name + SEP;
        }

        String sortKey() {
            return name;
        }

        String all() {
            return name;
        }

        String withStatus(String status) {
            return prefix() + "STATUS" + SEP + status;
        }

        String of(Kind owner, String ownerId) {
            return prefix() + owner.name + SEP + ownerId;
        }
    }

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    static Instant parseSortable(String text) {
        return Instant.from(SORTABLE.parse(text));
    }

    static String sortable(LocalDate date) {
        return date == null ? NEVER : date.toString();
    }

    /** Whether {@code text} is what {@link #sortable(Instant)} writes. */
    static boolean isSortableInstant(String text) {
        try {
            parseSortable(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isSortableDate(String text) {
        if (text.equals(NEVER)) return true;
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // ---- directory

    /** Guards one phone's uniqueness within one registry; its {@code owner} is the entry's id. */
    static String phoneClaim(String kind, String e164) {
        return "PHONE#" + kind + SEP + e164;
    }

    static final String CLAIM = "CLAIM";

    /** The partition listing every member who names this phone as a family contact. */
    static String familyPhone(String e164) {
        return "FAMILY#" + e164;
    }

    static String familyLink(String memberId) {
        return "MEMBER#" + memberId;
    }

    static String volunteersInCity(String city) {
        return "VOLUNTEER#CITY#" + city;
    }

    static String leadersAtLevel(int level) {
        return "LEADER#LEVEL#" + level;
    }

    static String triggerToken(String tokenHash) {
        return "TRIGGER#" + tokenHash;
    }

    /** The member's current token hash: a token is valid only while this still names it. */
    static String currentTriggerToken(String memberId) {
        return "MEMBER#" + memberId;
    }

    static final String TOKEN = "TRIGGER_TOKEN";

    // ---- incidents, follow-ups, audit, notices, applications, care rounds, contact requests, leases

    static final Kind MEMBERS = new Kind("MEMBER");
    static final Kind INCIDENTS = new Kind("INCIDENT");
    static final String ACTIVE_INCIDENTS = "ACTIVE";

    static String newestFirst(Instant createdAt, String id) {
        return sortable(createdAt) + SEP + id;
    }

    static String byDeadline(Instant nextEscalationAt, String id) {
        return (nextEscalationAt == null ? NEVER : sortable(nextEscalationAt)) + SEP + id;
    }

    static final Kind FOLLOWUPS = new Kind("FOLLOWUP");

    static String byDueDate(LocalDate due, String id) {
        return sortable(due) + SEP + id;
    }

    static final Kind AUDIT = new Kind("AUDIT");

    /** A member's own partition: the current trigger token and the family introductions live there. */
    static String memberItems(String memberId) {
        return MEMBERS.item(memberId);
    }

    /** A family introduction in its member's partition, by the contact's phone. */
    static final Kind INTRODUCTIONS = new Kind("INTRO");

    static final Kind NOTICES = new Kind("NOTICE");
    /** The partition of the sparse index {@code active} that holds notices due for sending. */
    static final String DUE_NOTICES = "NOTICE_DUE";

    /** A notice's delivery to one phone, in the notice's partition. */
    static final Kind DELIVERIES = new Kind("DELIVERY");

    static String deliveriesToPhone(String phone) {
        return "DELIVERY#PHONE#" + phone;
    }

    static String reply(Instant at, String id) {
        return "REPLY#" + sortable(at) + SEP + id;
    }

    static final String REPLY_PREFIX = "REPLY#";

    static final Kind APPLICATIONS = new Kind("APPLICATION");
    static final Kind ROUNDS = new Kind("ROUND");
    static final Kind CONTACT_REQUESTS = new Kind("CONTACT_REQUEST");
    static final Kind LEASES = new Kind("LEASE");

    // ---- settings and idempotency

    static final String SETTINGS = "SETTINGS";
    static final String ESCALATION_POLICY = "ESCALATION_POLICY";
    static final String ASSISTANCE_GUIDE = "ASSISTANCE_GUIDE";

    static final Kind IDEMPOTENCY = new Kind("IDEMPOTENCY");

    // ---- opt-outs: one item per phone that texted STOP, read by key only

    static final Kind OPT_OUTS = new Kind("OPTOUT");

    // ---- coordination: what each volunteer holds, each district's surge

    static final Kind HOLDS = new Kind("HOLDS");

    /** The one partition of every district's surge record, read whole by the minute sweep (a handful of items). */
    static final String SURGES = "SURGE";

    static String surge(String city, String district) {
        return "AREA#" + city + SEP + district;
    }
}
