package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An assistance application (帮扶申请) for a member. {@code memberName} and {@code unit} are what they were
 * when it was submitted, so a printed form and the reports still read right after the member moves or
 * leaves. {@code steps} holds every step taken, the submission first; {@code version} orders changes, and
 * the store accepts a change only on the version it was decided on. {@code applicant} says who asked, when it was
 * not an officer keying it in: on the member's own page, or the checklist of a death in the family.
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
        long version,
        Applicant applicant) {

    public AssistanceApplication {
        documents = documents == null ? List.of() : List.copyOf(documents);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** One an officer keyed in (no applicant of its own). */
    public AssistanceApplication(String id, String memberId, String memberName, String unit, ApplicationKind kind,
            String reason, BigDecimal amountRequested, BigDecimal amountApproved, List<String> documents,
            ApplicationStatus status, List<ApplicationStep> steps, Instant submittedAt, Instant updatedAt,
            long version) {
        this(id, memberId, memberName, unit, kind, reason, amountRequested, amountApproved, documents, status, steps,
                submittedAt, updatedAt, version, null);
    }

    /**
     * Who asked: {@code via} {@code link} (the member's own page) or {@code bereavement} (a death's checklist);
     * {@code name} as they gave it; {@code phone} only when it is the member's or a family contact's on file (the
     * applicant is told of each step there too), else null.
     */
    public record Applicant(String name, String phone, String via) {
    }

    /** The same application at its next step. */
    AssistanceApplication next(ApplicationStatus to, BigDecimal approved, List<ApplicationStep> steps, Instant at) {
        return new AssistanceApplication(id, memberId, memberName, unit, kind, reason, amountRequested, approved,
                documents, to, steps, submittedAt, at, version + 1, applicant);
    }

    /** The last time this step was taken, if it was. */
    public Optional<ApplicationStep> step(ApplicationStatus status) {
        ApplicationStep found = null;
        for (ApplicationStep s : steps) if (s.status() == status) found = s;
        return Optional.ofNullable(found);
    }
}
