package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The union's operation guide for assistance (《操作指南》): the kinds of help it gives, what each is for, the
 * documents each needs, the steps from asking to being paid, and a closing note (where to hand in papers, whom to
 * call). Officers edit it; until they do, members read the default of the message bundles. {@code standardAmount} is
 * the union's standard sum for a kind, when it has one (a condolence payment), used when an application for it is
 * opened without an amount. {@code version} counts the saves (0: the default, never saved).
 */
public record AssistanceGuide(List<Kind> kinds, List<String> steps, String note, Instant updatedAt, String updatedBy,
        long version) {

    public AssistanceGuide {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A guide never saved: the default. */
    public AssistanceGuide(List<Kind> kinds, List<String> steps, String note, Instant updatedAt, String updatedBy) {
        this(kinds, steps, note, updatedAt, updatedBy, 0);
    }

    /** {@code kind} is an {@link ApplicationKind}'s wire word. */
    public record Kind(String kind, String title, String description, List<String> documents,
            BigDecimal standardAmount) {
        public Kind {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** The guide's entry for a kind of help, if the union offers it. */
    public java.util.Optional<Kind> kind(ApplicationKind kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind.wire())).findFirst();
    }
}
