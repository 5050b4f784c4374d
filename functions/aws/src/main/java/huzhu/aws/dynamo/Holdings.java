package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.incident.HoldStore;
import huzhu.core.incident.Holds;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per volunteer ({@code HOLDS#<id>}), written only on the version it was read at. */
final class Holdings implements HoldStore {
    private final Table table;

    Holdings(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Holds> get(String volunteerId) {
        return table.get(Keys.HOLDS.item(volunteerId), Keys.HOLDS.sortKey()).map(Holdings::read);
    }

    @Override
    public void put(Holds holds) {
        table.save(write(holds), holds.version(), "holds", holds.volunteerId());
    }

    private static Map<String, AttributeValue> write(Holds h) {
        return Items.writer()
                .s(PK, Keys.HOLDS.item(h.volunteerId())).s(SK, Keys.HOLDS.sortKey()).s(ITEM_TYPE, Keys.HOLDS.sortKey())
                .s("volunteerId", h.volunteerId())
                .list("held", h.held(), hold -> Items.writer().s("incidentId", hold.incidentId())
                        .time("pendingUntil", hold.pendingUntil()))
                .n("version", h.version())
                .build();
    }

    private static Holds read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new Holds(r.s("volunteerId"), r.list("held", h -> new Holds.Hold(h.s("incidentId"),
                h.time("pendingUntil"))), r.l("version"));
    }
}
