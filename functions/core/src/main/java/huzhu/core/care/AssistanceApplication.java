package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An assistance application (帮扶申请) for a member. {@code memberName} and {@code unit} are what they were
 * when it was submitted, so a printed form and the reports still read right after the member moves or
 * leaves. {@code steps} holds every step taken, the submission first; {@code version} orders changes, and
 * the store accepts a change only on the version it was decided on.
 */
public record AssistanceApplication(
        String id,
        String memberId,
        String memberName,
        String unit,
        ApplicationKind kind,
        String reason,
        BigDecimal amountRequested,
        BigDecimal amountApproved,
        List<String> documents,
        ApplicationStatus status,
        List<ApplicationStep> steps,
        Instant submittedAt,
        Instant updatedAt,
        long version) {

    public AssistanceApplication {
        documents = documents == null ? List.of() : List.copyOf(documents);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The last time this step was taken, if it was. */
    public Optional<ApplicationStep> step(ApplicationStatus status) {
        ApplicationStep found = null;
        for (ApplicationStep s : steps) if (s.status() == status) found = s;
        return Optional.ofNullable(found);
    }
}
