package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;
import static huzhu.aws.dynamo.TableSchema.GSI3_PK;
import static huzhu.aws.dynamo.TableSchema.GSI3_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.care.ApplicationKind;
import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.ApplicationStep;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Assistance applications: one item each, written with a condition on {@code version}, listed by
 * "submittedAt#id" in gsi1 (all), gsi2 (by status) and gsi3 (by member), newest first. A union decides a few
 * dozen a year: one partition each is plenty.
 */
final class Applications implements ApplicationStore {
    private static final String LISTING = "applications";

    private final Table table;

    Applications(Table table) {
        this.table = table;
    }

    @Override
    public void insert(AssistanceApplication application) {
        table.insert(write(application), "application", application.id());
    }

    @Override
    public void update(AssistanceApplication updated) {
        table.update(write(updated), updated.version(), "application", updated.id());
    }

    @Override
    public Optional<AssistanceApplication> get(String id) {
        return table.get(Keys.APPLICATIONS.item(id), Keys.APPLICATIONS.sortKey()).map(Applications::read);
    }

    @Override
    public Page<AssistanceApplication> list(StatusFilter<ApplicationStatus> status, PageRequest request) {
        return Paging.newestFirst(table, Keys.APPLICATIONS, status, request, LISTING, Applications::read);
    }

    @Override
    public List<AssistanceApplication> ofMember(String memberId) {
        return Paging.ofOwner(table, Keys.APPLICATIONS.of(Keys.MEMBERS, memberId), false, Applications::read);
    }

    @Override
    public List<AssistanceApplication> submittedBetween(Instant from, Instant to) {
        String condition = "#gsi1pk = :pk";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(Keys.APPLICATIONS.all())));
        if (from != null && to != null) {
            if (!from.isBefore(to)) return List.of();
            condition += " AND #gsi1sk BETWEEN :from AND :to";
            values.put(":from", Items.s(Keys.sortable(from)));
            values.put(":to", Items.s(Keys.sortable(to)));
        } else if (from != null) {
            condition += " AND #gsi1sk >= :from";
            values.put(":from", Items.s(Keys.sortable(from)));
        } else if (to != null) {
            condition += " AND #gsi1sk < :to";
            values.put(":to", Items.s(Keys.sortable(to)));
        }
        // "to#id" sorts after "to" itself: BETWEEN would take those submitted exactly at "to"; they are not in range
        String end = to == null ? null : Keys.sortable(to);
        return table.query(GSI1, condition, values, true, Integer.MAX_VALUE).stream()
                .filter(item -> end == null || item.get(GSI1_SK).s().compareTo(end) < 0)
                .map(Applications::read).toList();
    }

    private static Map<String, AttributeValue> write(AssistanceApplication a) {
        String bySubmission = Keys.newestFirst(a.submittedAt(), a.id());
        return Items.writer()
                .s(PK, Keys.APPLICATIONS.item(a.id()))
                .s(SK, Keys.APPLICATIONS.sortKey())
                .s(ITEM_TYPE, Keys.APPLICATIONS.sortKey())
                .s(GSI1_PK, Keys.APPLICATIONS.all())
                .s(GSI1_SK, bySubmission)
                .s(GSI2_PK, Keys.APPLICATIONS.withStatus(a.status().wire()))
                .s(GSI2_SK, bySubmission)
                .s(GSI3_PK, Keys.APPLICATIONS.of(Keys.MEMBERS, a.memberId()))
                .s(GSI3_SK, bySubmission)
                .s("id", a.id())
                .s("memberId", a.memberId())
                .s("memberName", a.memberName())
                .s("unit", a.unit())
                .wire("kind", a.kind())
                .s("reason", a.reason())
                .n("amountRequested", a.amountRequested())
                .n("amountApproved", a.amountApproved())
                .strings("documents", a.documents())
                .wire("status", a.status())
                .list("steps", a.steps(), s -> Items.writer()
                        .wire("status", s.status())
                        .time("at", s.at())
                        .s("actorId", s.actorId())
                        .s("actorName", s.actorName())
                        .s("note", s.note())
                        .n("amount", s.amount()))
                .time("submittedAt", a.submittedAt())
                .time("updatedAt", a.updatedAt())
                .n("version", a.version())
                .map("applicant", a.applicant() == null ? null : Items.writer()
                        .s("name", a.applicant().name())
                        .s("phone", a.applicant().phone())
                        .s("via", a.applicant().via()))
                .build();
    }

    private static AssistanceApplication read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new AssistanceApplication(r.s("id"), r.s("memberId"), r.s("memberName"), r.s("unit"),
                r.wire(ApplicationKind.class, "kind"), r.s("reason"), r.decimal("amountRequested"),
                r.decimal("amountApproved"), r.strings("documents"), r.wire(ApplicationStatus.class, "status"),
                r.list("steps", s -> new ApplicationStep(s.wire(ApplicationStatus.class, "status"), s.time("at"),
                        s.s("actorId"), s.s("actorName"), s.s("note"), s.decimal("amount"))),
                r.time("submittedAt"), r.time("updatedAt"), r.l("version"), r.map("applicant",
                        p -> new AssistanceApplication.Applicant(p.s("name"), p.s("phone"), p.s("via"))));
    }
}
