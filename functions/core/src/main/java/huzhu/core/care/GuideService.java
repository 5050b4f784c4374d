package huzhu.core.care;

import huzhu.core.audit.AuditService;
import huzhu.core.error.ChangedMeanwhile;
import huzhu.core.error.Conflict;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.Wire;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The union's operation guide for assistance (《操作指南》), as members and families read it on their own page and
 * officers keep it up to date at the console. Until officers save one, the default of the message bundles is shown,
 * in the reader's language; a saved guide is shown as the officers wrote it.
 */
public final class GuideService {
    static final int MAX_KINDS = 6;
    static final int MAX_TITLE = 30;
    static final int MAX_DESCRIPTION = 300;
    static final int MAX_DOCUMENTS = 12;
    static final int MAX_DOCUMENT = 100;
    static final int MAX_STEPS = 12;
    static final int MAX_STEP = 300;
    static final int MAX_NOTE = 500;
    private static final List<ApplicationKind> DEFAULT_KINDS = List.of(ApplicationKind.HARDSHIP, ApplicationKind.MEDICAL,
            ApplicationKind.BEREAVEMENT, ApplicationKind.EDUCATION, ApplicationKind.DISASTER);

    private final GuideStore store;
    private final AuditService audit;
    private final Clock clock;

    public GuideService(GuideStore store, AuditService audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public record KindInput(String kind, String title, String description, List<String> documents,
            BigDecimal standardAmount) {
    }

    public record GuideInput(List<KindInput> kinds, List<String> steps, String note) {
    }

    /** The guide as it stands: the officers' own, else the default in {@code language}. */
    public AssistanceGuide guide(Language language) {
        return store.guide().orElseGet(() -> defaults(language));
    }

    /** The default guide of the message bundles. */
    public static AssistanceGuide defaults(Language language) {
        List<AssistanceGuide.Kind> kinds = new ArrayList<>();
        for (ApplicationKind k : DEFAULT_KINDS) {
            String prefix = "guide.kind." + k.wire() + ".";
            String amount = Messages.has(language, prefix + "standardAmount")
                    ? Messages.text(language, prefix + "standardAmount") : null;
            kinds.add(new AssistanceGuide.Kind(k.wire(), Messages.text(language, prefix + "title"),
                    Messages.text(language, prefix + "description"),
                    List.of(Messages.text(language, prefix + "documents").split("\\|")),
                    amount == null ? null : new BigDecimal(amount)));
        }
        return new AssistanceGuide(kinds, List.of(Messages.text(language, "guide.steps").split("\\|")),
                Messages.text(language, "guide.note"), null, null);
    }

    public AssistanceGuide save(GuideInput input, Actor actor) {
        return save(input, actor, BasedOn.ANY);
    }

    /** Saves it, if the guide in force is still a version {@code basedOn} names (412 otherwise). */
    public AssistanceGuide save(GuideInput input, Actor actor, BasedOn basedOn) {
        GuideInput in = input == null ? new GuideInput(null, null, null) : input;
        Validation v = new Validation();
        if (in.kinds() == null || in.kinds().isEmpty()) v.problem("kinds", "invalid.required");
        Set<ApplicationKind> seen = new HashSet<>();
        List<AssistanceGuide.Kind> kinds = v.list("kinds", in.kinds(), MAX_KINDS, (at, k) -> kind(v, at,
                k == null ? new KindInput(null, null, null, null, null) : k, seen));
        List<String> steps = v.texts("steps", in.steps(), MAX_STEPS, MAX_STEP, false);
        if (steps.isEmpty()) v.problem("steps", "invalid.required");
        String note = v.text("note", in.note(), MAX_NOTE, false);
        v.throwIfAny();
        long current = store.guide().map(AssistanceGuide::version).orElse(0L);
        basedOn.require(current);
        AssistanceGuide guide = new AssistanceGuide(kinds, steps, note, clock.instant(), actor.name(), current + 1);
        try {
            store.saveGuide(guide);
        } catch (StaleWrite e) {
            // saved by somebody else between our read and our write
            if (basedOn.versions() != null) throw new ChangedMeanwhile();
            throw new Conflict("busy", "error.busy");
        }
        audit.record(actor, "update", "guide", "assistance-guide", null);
        return guide;
    }

    /** {@code seen}: the kinds of the guide's entries before this one, for each kind is described once. */
    private static AssistanceGuide.Kind kind(Validation v, String at, KindInput k, Set<ApplicationKind> seen) {
        ApplicationKind kind = Text.blank(k.kind()) ? null : Wire.parse(ApplicationKind.class, k.kind());
        if (kind == null || !seen.add(kind)) v.problem(at + ".kind", "invalid.guide.kind");
        String title = v.text(at + ".title", k.title(), MAX_TITLE, true);
        String description = v.text(at + ".description", k.description(), MAX_DESCRIPTION, false);
        List<String> documents = v.texts(at + ".documents", k.documents(), MAX_DOCUMENTS, MAX_DOCUMENT, false);
        BigDecimal amount = k.standardAmount();
        if (amount != null) ApplicationService.amount(v, at + ".standardAmount", amount);
        return new AssistanceGuide.Kind(kind == null ? null : kind.wire(), title, description, documents,
                ApplicationService.money(amount));
    }
}
