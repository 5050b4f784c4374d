package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.care.LeaseStore;
import java.time.Instant;
import java.util.Map;

/**
 * Named leases, one item each ({@code LEASE#<name>}): taken with a conditional put (nobody holds it, its time ran
 * out, or the taker holds it already), given up with a conditional delete (only by its holder).
 */
final class Leases implements LeaseStore {
    private final Table table;

    Leases(Table table) {
        this.table = table;
    }

    @Override
    public boolean acquire(String name, String owner, Instant until, Instant now) {
        return table.put(Items.writer()
                        .s(PK, Keys.LEASES.item(name)).s(SK, Keys.LEASES.sortKey()).s(ITEM_TYPE, Keys.LEASES.sortKey())
                        .s("owner", owner).s("until", Keys.sortable(until)).build(),
                "attribute_not_exists(#pk) OR #until <= :now OR #owner = :owner",
                Map.of(":now", Items.s(Keys.sortable(now)), ":owner", Items.s(owner)));
    }

    @Override
    public void release(String name, String owner) {
        table.delete(Keys.LEASES.item(name), Keys.LEASES.sortKey(), "#owner = :owner",
                Map.of(":owner", Items.s(owner)));
    }
}
