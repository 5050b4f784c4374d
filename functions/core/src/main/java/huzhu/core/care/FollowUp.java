package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Something the union does for a member and their family after an incident, after a death in the family, or as part
 * of a care round: a visit, assistance, help with arrangements, a safety check. {@code task} says what in a few
 * words, {@code owner} who sees to it; {@code incidentId} (an incident's checklist) or {@code roundId} (a care round)
 * say where it comes from, {@code applicationId} the assistance application it follows, if any; {@code version}
 * counts its stored changes.
 */
public record FollowUp(
        String id,
        String incidentId,
        String memberId,
        FollowUpKind kind,
        LocalDate dueDate,
        LocalDate doneDate,
        List<String> visitors,
        String notes,
        BigDecimal amount,
        FollowUpStatus status,
        Instant createdAt,
        Instant updatedAt,
        String task,
        String owner,
        String roundId,
        String applicationId,
        long version) {

    public FollowUp {
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
    }

    /** A follow-up of an incident, as officers first recorded them: no task, owner, round or application; not stored yet. */
    public FollowUp(String id, String incidentId, String memberId, FollowUpKind kind, LocalDate dueDate,
            LocalDate doneDate, List<String> visitors, String notes, BigDecimal amount, FollowUpStatus status,
            Instant createdAt, Instant updatedAt) {
        this(id, incidentId, memberId, kind, dueDate, doneDate, visitors, notes, amount, status, createdAt, updatedAt,
                null, null, null, null);
    }

    /** A follow-up not stored yet: version 1. */
    public FollowUp(String id, String incidentId, String memberId, FollowUpKind kind, LocalDate dueDate,
            LocalDate doneDate, List<String> visitors, String notes, BigDecimal amount, FollowUpStatus status,
            Instant createdAt, Instant updatedAt, String task, String owner, String roundId, String applicationId) {
        this(id, incidentId, memberId, kind, dueDate, doneDate, visitors, notes, amount, status, createdAt, updatedAt,
                task, owner, roundId, applicationId, 1);
    }
}
