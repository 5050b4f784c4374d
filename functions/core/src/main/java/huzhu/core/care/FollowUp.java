package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Care after an emergency: one visit, assistance or bereavement help; {@code version} counts its stored changes. */
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
        long version) {

    public FollowUp {
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
    }

    /** A follow-up not stored yet: version 1. */
    public FollowUp(String id, String incidentId, String memberId, FollowUpKind kind, LocalDate dueDate,
            LocalDate doneDate, List<String> visitors, String notes, BigDecimal amount, FollowUpStatus status,
            Instant createdAt, Instant updatedAt) {
        this(id, incidentId, memberId, kind, dueDate, doneDate, visitors, notes, amount, status, createdAt, updatedAt,
                1);
    }
}
