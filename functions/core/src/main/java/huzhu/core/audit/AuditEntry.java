package huzhu.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit log: who did what to which record, and when. {@code action} and
 * {@code targetKind} are stable words ({@code update}, {@code member}); {@code targetLabel} is what a
 * person recognises the record by (a name, an incident code), never a phone number or an address;
 * {@code fields} names the fields an update changed. A read of personal data ({@code view}, {@code list},
 * {@code search}) says in {@code count} how many records it returned, and a list's {@code targetLabel} what was
 * asked for (filters, a search with its digits masked); {@code count} is null for changes.
 */
public record AuditEntry(
        String id,
        Instant at,
        String actorId,
        String actorName,
        String action,
        String targetKind,
        String targetId,
        String targetLabel,
        List<String> fields,
        Integer count) {

    public AuditEntry {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A change. */
    public AuditEntry(String id, Instant at, String actorId, String actorName, String action, String targetKind,
            String targetId, String targetLabel, List<String> fields) {
        this(id, at, actorId, actorName, action, targetKind, targetId, targetLabel, fields, null);
    }
}
