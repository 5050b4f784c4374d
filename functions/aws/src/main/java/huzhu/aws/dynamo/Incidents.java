package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ACTIVE;
import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;

import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentStore;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Incidents: one item each, written with a condition on {@code version}. Lists come from indexes: every
 * incident in one partition of gsi1 and one partition per status in gsi2, both sorted by "createdAt#id";
 * open and acknowledged ones also in the sparse index {@code active}, sorted by escalation deadline.
 */
final class Incidents implements IncidentStore {
    private static final String LISTING = "incidents";

    private final Table table;

    Incidents(Table table) {
        this.table = table;
    }

    @Override
    public void create(Incident incident) {
        if (!table.put(IncidentItems.write(incident), "attribute_not_exists(#pk)", Map.of())) {
            throw new StaleWrite("incident", incident.id());
        }
    }

    @Override
    public Optional<Incident> get(String id) {
        return table.get(Keys.INCIDENTS.item(id), Keys.INCIDENTS.sortKey()).map(IncidentItems::read);
    }

    @Override
    public void update(Incident updated) {
        if (!table.put(IncidentItems.write(updated), "#version = :expected",
                Map.of(":expected", Items.n(updated.version() - 1)))) {
            throw new StaleWrite("incident", updated.id());
        }
    }

    @Override
    public List<Incident> active() {
        return table.query(ACTIVE, "#activePk = :pk", Map.of(":pk", Items.s(Keys.ACTIVE_INCIDENTS)), true,
                        Integer.MAX_VALUE)
                .stream().map(IncidentItems::read)
                .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id).reversed())
                .toList();
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        // "deadline#id" < "now$" exactly when deadline <= now: '$' sorts right after the separator '#'
        return table.query(ACTIVE, "#activePk = :pk AND #activeSk < :due",
                        Map.of(":pk", Items.s(Keys.ACTIVE_INCIDENTS), ":due", Items.s(Keys.sortable(now) + "$")),
                        true, Integer.MAX_VALUE)
                .stream().map(IncidentItems::read).toList();
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest request) {
        int limit = request.limit();
        Index index = indexFor(query.status());
        String from = query.from() == null ? null : Keys.sortable(query.from());
        String before = query.to() == null ? null : Keys.sortable(query.to());
        if (request.cursor() != null) {
            String after = Paging.after(request.cursor(), LISTING, Paging.timeAndId(Keys::isSortableInstant));
            if (before == null || after.compareTo(before) < 0) before = after;
        }
        // several partitions (active: two): take the newest limit + 1 of each, then the newest of those
        List<Map<String, AttributeValue>> merged = new ArrayList<>();
        for (String partition : index.partitions()) {
            merged.addAll(range(index, partition, from, before, false, limit + 1));
        }
        merged.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(index.sk()).s()).reversed());
        return Paging.page(merged, limit, LISTING, item -> item.get(index.sk()).s(), IncidentItems::read);
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        Index all = new Index(GSI1, GSI1_PK, GSI1_SK, List.of(Keys.INCIDENTS.all()));
        return range(all, Keys.INCIDENTS.all(), from == null ? null : Keys.sortable(from),
                to == null ? null : Keys.sortable(to), true, Integer.MAX_VALUE)
                .stream().map(IncidentItems::read).toList();
    }

    /** Where the incidents of some statuses are listed. */
    private record Index(String name, String pk, String sk, List<String> partitions) {
    }

    private static Index indexFor(StatusFilter<IncidentStatus> status) {
        if (status.everything()) return new Index(GSI1, GSI1_PK, GSI1_SK, List.of(Keys.INCIDENTS.all()));
        // several statuses (active: open and acknowledged) span several partitions
        return new Index(GSI2, GSI2_PK, GSI2_SK, status.wires().stream().map(Keys.INCIDENTS::withStatus).toList());
    }

    /**
     * Items of one partition with {@code from <= sort key < before} (either bound may be null). A bound
     * made from a time alone sorts before every "time#id" key of that instant, so {@code before} excludes
     * the instant it names; a bound that is an item's own key (a cursor) excludes that item.
     */
    private List<Map<String, AttributeValue>> range(Index index, String partition, String from, String before,
            boolean ascending, int max) {
        String pk = "#" + index.pk() + " = :pk";
        String sk = "#" + index.sk();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(partition)));
        String condition;
        if (from == null && before == null) {
            condition = pk;
        } else if (from == null) {
            condition = pk + " AND " + sk + " < :before";
            values.put(":before", Items.s(before));
        } else if (before == null) {
            condition = pk + " AND " + sk + " >= :from";
            values.put(":from", Items.s(from));
        } else {
            if (from.compareTo(before) >= 0) return List.of();
            // BETWEEN includes its upper bound: read one more in case it is the cursor's own item
            condition = pk + " AND " + sk + " BETWEEN :from AND :before";
            values.put(":from", Items.s(from));
            values.put(":before", Items.s(before));
            if (max != Integer.MAX_VALUE) max++;
        }
        List<Map<String, AttributeValue>> items = table.query(index.name(), condition, values, ascending, max);
        if (before == null) return items;
        String end = before;
        return items.stream().filter(item -> item.get(index.sk()).s().compareTo(end) < 0).toList();
    }
}
