package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.audit.AuditEntry;
import huzhu.core.audit.AuditStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit log: one item per entry, keyed by its id so that an append can never overwrite another
 * entry, and listed newest first from one gsi1 partition sorted by "at#id".
 */
final class AuditLog implements AuditStore {
    private static final String LISTING = "audit";

    private final Table table;

    AuditLog(Table table) {
        this.table = table;
    }

    @Override
    public void append(AuditEntry e) {
        Map<String, AttributeValue> item = Items.writer()
                .s(PK, Keys.AUDIT.item(e.id()))
                .s(SK, Keys.AUDIT.sortKey())
                .s(ITEM_TYPE, Keys.AUDIT.sortKey())
                .s(GSI1_PK, Keys.AUDIT.all())
                .s(GSI1_SK, Keys.newestFirst(e.at(), e.id()))
                .s("id", e.id())
                .time("at", e.at())
                .s("actorId", e.actorId())
                .s("actorName", e.actorName())
                .s("action", e.action())
                .s("targetKind", e.targetKind())
                .s("targetId", e.targetId())
                .s("targetLabel", e.targetLabel())
                .strings("fields", e.fields())
                .n("count", e.count())
                .build();
        table.insert(item, "audit", e.id());
    }

    @Override
    public Page<AuditEntry> list(Instant from, Instant to, PageRequest request) {
        int limit = request.limit();
        String lower = from == null ? null : Keys.sortable(from);
        String before = to == null ? null : Keys.sortable(to);
        if (request.cursor() != null) {
            String after = Paging.after(request.cursor(), LISTING, Paging.timeAndId(Keys::isSortableInstant));
            if (before == null || after.compareTo(before) < 0) before = after;
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(Keys.AUDIT.all())));
        String condition = "#" + GSI1_PK + " = :pk";
        int max = limit + 1;
        if (lower != null && before != null) {
            if (lower.compareTo(before) >= 0) return new Page<>(List.of(), null);
            // BETWEEN includes its upper bound: read one more in case it is the cursor's own entry
            condition += " AND #" + GSI1_SK + " BETWEEN :from AND :before";
            values.put(":from", Items.s(lower));
            values.put(":before", Items.s(before));
            max++;
        } else if (before != null) {
            condition += " AND #" + GSI1_SK + " < :before";
            values.put(":before", Items.s(before));
        } else if (lower != null) {
            condition += " AND #" + GSI1_SK + " >= :from";
            values.put(":from", Items.s(lower));
        }
        String end = before;
        List<Map<String, AttributeValue>> items = table.query(GSI1, condition, values, false, max).stream()
                .filter(item -> end == null || item.get(GSI1_SK).s().compareTo(end) < 0)
                .toList();
        return Paging.page(items, limit, LISTING, item -> item.get(GSI1_SK).s(), AuditLog::read);
    }

    private static AuditEntry read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new AuditEntry(r.s("id"), r.time("at"), r.s("actorId"), r.s("actorName"), r.s("action"),
                r.s("targetKind"), r.s("targetId"), r.s("targetLabel"), r.strings("fields"), r.intOrNull("count"));
    }
}
