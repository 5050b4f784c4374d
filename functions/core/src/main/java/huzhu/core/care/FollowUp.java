package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
        Instant updatedAt) {

    public FollowUp {
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
    }
}
