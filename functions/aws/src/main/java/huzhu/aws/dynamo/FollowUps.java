package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;

import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.care.FollowUpStore;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Follow-ups: one item each, listed by "dueDate#id" (undated last) through gsi1 (all), gsi2 (by status) and
 * gsi3 (by incident, or by care round).
 */
final class FollowUps implements FollowUpStore {
    private static final String LISTING = "followups";

    private final Table table;

    FollowUps(Table table) {
        this.table = table;
    }

    @Override
    public void insert(FollowUp followUp) {
        table.insert(FollowUpItems.write(followUp), "followup", followUp.id());
    }

    @Override
    public void replace(FollowUp followUp) {
        long expected = followUp.version() - 1;
        // an item written before follow-ups had versions has none: it is version 0
        boolean written = expected == 0
                ? table.put(FollowUpItems.write(followUp), "attribute_exists(#pk) AND attribute_not_exists(#version)",
                        Map.of())
                : table.putOver(FollowUpItems.write(followUp), followUp.version());
        if (written) return;
        if (table.get(Keys.FOLLOWUPS.item(followUp.id()), Keys.FOLLOWUPS.sortKey()).isEmpty()) {
            throw new NotFound("followup");
        }
        throw new StaleWrite("followup", followUp.id());
    }

    @Override
    public Optional<FollowUp> get(String id) {
        return table.get(Keys.FOLLOWUPS.item(id), Keys.FOLLOWUPS.sortKey()).map(FollowUpItems::read);
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        return Paging.ofOwner(table, Keys.FOLLOWUPS.of(Keys.INCIDENTS, incidentId), true, FollowUpItems::read);
    }

    @Override
    public List<FollowUp> forRound(String roundId) {
        return Paging.ofOwner(table, Keys.FOLLOWUPS.of(Keys.ROUNDS, roundId), true, FollowUpItems::read);
    }

    @Override
    public Page<FollowUp> list(StatusFilter<FollowUpStatus> status, PageRequest request) {
        int limit = request.limit();
        boolean every = status.everything();
        String index = every ? GSI1 : GSI2;
        String pkName = every ? GSI1_PK : GSI2_PK;
        String skName = every ? GSI1_SK : GSI2_SK;
        String partition = every ? Keys.FOLLOWUPS.all() : Keys.FOLLOWUPS.withStatus(Paging.only(status).wire());

        String condition = "#" + pkName + " = :pk";
        Map<String, AttributeValue> values = Map.of(":pk", Items.s(partition));
        if (request.cursor() != null) {
            String after = Paging.after(request.cursor(), LISTING, Paging.timeAndId(Keys::isSortableDate));
            condition += " AND #" + skName + " > :after";
            values = Map.of(":pk", Items.s(partition), ":after", Items.s(after));
        }
        List<Map<String, AttributeValue>> items = table.query(index, condition, values, true, limit + 1);
        return Paging.page(items, limit, LISTING, item -> item.get(skName).s(), FollowUpItems::read);
    }

}
