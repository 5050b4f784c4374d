package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ACTIVE;
import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;

import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.UnderWay;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.log.JsonLog;
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
    /** The sort key of the claim on a member's emergency under way, in the member's partition. */
    private static final String UNDER_WAY = "EMERGENCY_UNDER_WAY";
    /** The claim's attribute naming the incident that holds it. */
    private static final String HOLDER = "incident";
    private static final int CLAIM_ATTEMPTS = 3;

    private final Table table;

    Incidents(Table table) {
        this.table = table;
    }

    @Override
    public void create(Incident incident) {
        if (!isAMembersEmergency(incident) || !incident.active()) {
            putNew(incident);
            return;
        }
        // an emergency an officer opened is the member's emergency under way too, for the family's next text or press
        Pending<Boolean> held = ReadAhead.start(() -> table.update(Keys.memberItems(incident.memberId()), UNDER_WAY,
                "SET #incident = :id, #itemType = :type", null,
                Map.of(":id", Items.s(incident.id()), ":type", Items.s(UNDER_WAY))).isPresent());
        putNew(incident);
        awaitClaim(held, incident);
    }

    /**
     * The member's emergency under way is held by an item in the member's partition naming its incident: a claim
     * written beside the incident (conditional on naming none, or this one), so two raised in the same instant cannot
     * both hold it. Written one after the other they would add a round trip before the alerts; written together, the
     * one whose claim fails reads who holds it and, if that incident is still under way, withdraws its own before
     * anything was sent. A claim left by an incident that closed (its release failed) or was never stored (its writer
     * died) is taken over.
     */
    @Override
    public void createUnlessUnderWay(Incident incident) {
        if (!isAMembersEmergency(incident)) {
            create(incident);
            return;
        }
        Pending<Boolean> claimed = ReadAhead.start(() -> claim(incident, null));
        putNew(incident);
        if (!awaitClaim(claimed, incident)) settleClaim(incident);
    }

    private void putNew(Incident incident) {
        if (!table.put(IncidentItems.write(incident), "attribute_not_exists(#pk)", Map.of())) {
            throw new StaleWrite("incident", incident.id());
        }
    }

    private static boolean isAMembersEmergency(Incident incident) {
        return incident.memberId() != null && incident.type() != IncidentType.BEREAVEMENT;
    }

    /** Whether the claim was won; a claim that failed to be written is not a reason to hold the alerts back. */
    private static boolean awaitClaim(Pending<Boolean> claim, Incident incident) {
        try {
            return claim.get();
        } catch (DependencyFailure e) {
            JsonLog.warn("incident.claimFailed", "incidentId", incident.id(), "error", e.getMessage());
            return true;
        }
    }

    /** Claims the member's emergency for {@code incident} if the claim names {@code holder} (null: none, or this one). */
    private boolean claim(Incident incident, String holder) {
        String condition = holder == null ? "attribute_not_exists(#incident) OR #incident = :id" : "#incident = :holder";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", Items.s(incident.id()));
        values.put(":type", Items.s(UNDER_WAY));
        if (holder != null) values.put(":holder", Items.s(holder));
        return table.update(Keys.memberItems(incident.memberId()), UNDER_WAY, "SET #incident = :id, #itemType = :type",
                condition, values).isPresent();
    }

    private void settleClaim(Incident incident) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            String holder = table.get(Keys.memberItems(incident.memberId()), UNDER_WAY)
                    .map(item -> item.get(HOLDER)).map(AttributeValue::s).orElse(null);
            if (incident.id().equals(holder)) return;
            Optional<Incident> held = holder == null ? Optional.empty() : get(holder);
            if (held.isPresent() && held.get().active() && isAMembersEmergency(held.get())) {
                if (withdraw(incident, holder)) throw new UnderWay(holder);
                return;
            }
            if (claim(incident, holder)) return;
        }
        // claims changing hands faster than they can be read: an emergency is never held back for it
        JsonLog.warn("incident.claimContended", "incidentId", incident.id(), "memberId", incident.memberId());
    }

    /** Takes back an incident no one has been told of; false if that failed (it stays: a second incident, not none). */
    private boolean withdraw(Incident incident, String underWay) {
        boolean withdrawn;
        try {
            withdrawn = table.delete(Keys.INCIDENTS.item(incident.id()), Keys.INCIDENTS.sortKey(), "#version = :v",
                    Map.of(":v", Items.n(incident.version())));
        } catch (DependencyFailure e) {
            withdrawn = false;
        }
        if (!withdrawn) {
            JsonLog.warn("incident.withdrawFailed", "incidentId", incident.id(), "underWay", underWay);
            return false;
        }
        return true;
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

    /**
     * A closed emergency lets go of the member's claim, if it still holds it, so the member's next one is claimed at
     * once. If that fails, the next one reads the claim and takes it over: a round trip or two later, never held back.
     * Only the closing write lets go: a later one (a delivery receipt, a note, the family's thanks) writes nothing
     * beside the incident.
     */
    @Override
    public void closed(Incident closed) {
        if (!isAMembersEmergency(closed)) return;
        try {
            table.delete(Keys.memberItems(closed.memberId()), UNDER_WAY, "#incident = :id",
                    Map.of(":id", Items.s(closed.id())));
        } catch (DependencyFailure e) {
            JsonLog.warn("incident.releaseFailed", "incidentId", closed.id(), "error", e.getMessage());
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
