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

    /** The partition holding every entry of one registry, sorted by id. */
    static String registry(String kind) {
        return kind;
    }

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

    // ---- incidents and follow-ups

    static String incident(String id) {
        return "INCIDENT#" + id;
    }

    static final String INCIDENT = "INCIDENT";
    static final String ALL_INCIDENTS = "INCIDENT";
    static final String ACTIVE_INCIDENTS = "ACTIVE";

    static String incidentsWithStatus(String status) {
        return "INCIDENT#STATUS#" + status;
    }

    static String newestFirst(Instant createdAt, String id) {
        return sortable(createdAt) + SEP + id;
    }

    static String byDeadline(Instant nextEscalationAt, String id) {
        return (nextEscalationAt == null ? NEVER : sortable(nextEscalationAt)) + SEP + id;
    }

    static String followUp(String id) {
        return "FOLLOWUP#" + id;
    }

    static final String FOLLOWUP = "FOLLOWUP";
    static final String ALL_FOLLOWUPS = "FOLLOWUP";

    static String followUpsWithStatus(String status) {
        return "FOLLOWUP#STATUS#" + status;
    }

    static String followUpsOfIncident(String incidentId) {
        return "FOLLOWUP#INCIDENT#" + incidentId;
    }

    static String followUpsOfRound(String roundId) {
        return "FOLLOWUP#ROUND#" + roundId;
    }

    static String byDueDate(LocalDate due, String id) {
        return sortable(due) + SEP + id;
    }

    // ---- audit

    static String auditEntry(String id) {
        return "AUDIT#" + id;
    }

    static final String AUDIT = "AUDIT";
    static final String AUDIT_LOG = "AUDIT";

    // ---- family introductions, notices, applications, leases

    /** A member's own partition: the current trigger token and the family introductions live there. */
    static String memberItems(String memberId) {
        return "MEMBER#" + memberId;
    }

    static String introduction(String phone) {
        return "INTRO#" + phone;
    }

    static final String INTRO_PREFIX = "INTRO#";
    static final String ALL_INTRODUCTIONS = "INTRO";

    static String introductionsWithStatus(String status) {
        return "INTRO#STATUS#" + status;
    }

    static String notice(String id) {
        return "NOTICE#" + id;
    }

    static final String NOTICE = "NOTICE";
    static final String ALL_NOTICES = "NOTICE";
    /** The partition of the sparse index {@code active} that holds notices due for sending. */
    static final String DUE_NOTICES = "NOTICE_DUE";

    static String delivery(String phone) {
        return "DELIVERY#" + phone;
    }

    static final String DELIVERY_PREFIX = "DELIVERY#";

    static String deliveriesToPhone(String phone) {
        return "DELIVERY#PHONE#" + phone;
    }

    static String reply(Instant at, String id) {
        return "REPLY#" + sortable(at) + SEP + id;
    }

    static final String REPLY_PREFIX = "REPLY#";

    static String application(String id) {
        return "APPLICATION#" + id;
    }

    static final String APPLICATION = "APPLICATION";
    static final String ALL_APPLICATIONS = "APPLICATION";

    static String applicationsWithStatus(String status) {
        return "APPLICATION#STATUS#" + status;
    }

    static String applicationsOfMember(String memberId) {
        return "APPLICATION#MEMBER#" + memberId;
    }

    static String round(String id) {
        return "ROUND#" + id;
    }

    static final String ROUND = "ROUND";
    static final String ALL_ROUNDS = "ROUND";

    static String contactRequest(String id) {
        return "CONTACT_REQUEST#" + id;
    }

    static final String CONTACT_REQUEST = "CONTACT_REQUEST";
    static final String ALL_CONTACT_REQUESTS = "CONTACT_REQUEST";

    static String contactRequestsWithStatus(String status) {
        return "CONTACT_REQUEST#STATUS#" + status;
    }

    static String contactRequestsOfMember(String memberId) {
        return "CONTACT_REQUEST#MEMBER#" + memberId;
    }

    static String lease(String name) {
        return "LEASE#" + name;
    }

    static final String LEASE = "LEASE";

    // ---- settings and idempotency

    static final String SETTINGS = "SETTINGS";
    static final String ESCALATION_POLICY = "ESCALATION_POLICY";
    static final String ASSISTANCE_GUIDE = "ASSISTANCE_GUIDE";

    static String idempotency(String key) {
        return "IDEMPOTENCY#" + key;
    }

    static final String IDEMPOTENCY = "IDEMPOTENCY";

    // ---- opt-outs: one item per phone that texted STOP, read by key only

    static String optOut(String e164) {
        return "OPTOUT#" + e164;
    }

    static final String OPT_OUT = "OPTOUT";
}
