package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;
import static huzhu.aws.dynamo.TableSchema.GSI3_PK;
import static huzhu.aws.dynamo.TableSchema.GSI3_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpKind;
import huzhu.core.care.FollowUpStatus;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A follow-up is one item, listed by due date in three indexes: all, by status, and (gsi3) by the incident or the
 * care round it belongs to (it has one or the other).
 */
final class FollowUpItems {
    private FollowUpItems() {
    }

    static Map<String, AttributeValue> write(FollowUp f) {
        String byDueDate = Keys.byDueDate(f.dueDate(), f.id());
        Items.Writer w = Items.writer()
                .s(PK, Keys.FOLLOWUPS.item(f.id()))
                .s(SK, Keys.FOLLOWUPS.sortKey())
                .s(ITEM_TYPE, Keys.FOLLOWUPS.sortKey())
                .s(GSI1_PK, Keys.FOLLOWUPS.all())
                .s(GSI1_SK, byDueDate)
                .s("id", f.id())
                .s("incidentId", f.incidentId())
                .s("memberId", f.memberId())
                .wire("kind", f.kind())
                .date("dueDate", f.dueDate())
                .date("doneDate", f.doneDate())
                .strings("visitors", f.visitors())
                .s("notes", f.notes())
                .n("amount", f.amount())
                .wire("status", f.status())
                .time("createdAt", f.createdAt())
                .time("updatedAt", f.updatedAt())
                .s("task", f.task())
                .s("owner", f.owner())
                .s("roundId", f.roundId())
                .s("applicationId", f.applicationId())
                .n("version", f.version());
        if (f.status() != null) w.s(GSI2_PK, Keys.FOLLOWUPS.withStatus(f.status().wire())).s(GSI2_SK, byDueDate);
        if (f.incidentId() != null && !f.incidentId().isEmpty()) {
            w.s(GSI3_PK, Keys.FOLLOWUPS.of(Keys.INCIDENTS, f.incidentId())).s(GSI3_SK, byDueDate);
        } else if (f.roundId() != null && !f.roundId().isEmpty()) {
            w.s(GSI3_PK, Keys.FOLLOWUPS.of(Keys.ROUNDS, f.roundId())).s(GSI3_SK, byDueDate);
        }
        return w.build();
    }

    static FollowUp read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new FollowUp(r.s("id"), r.s("incidentId"), r.s("memberId"), r.wire(FollowUpKind.class, "kind"),
                r.date("dueDate"), r.date("doneDate"), r.strings("visitors"), r.s("notes"), r.decimal("amount"),
                r.wire(FollowUpStatus.class, "status"), r.time("createdAt"), r.time("updatedAt"), r.s("task"),
                r.s("owner"), r.s("roundId"), r.s("applicationId"), r.l("version"));
    }
}
