package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.sms.OptOutStore;
import java.time.Instant;
import java.util.Optional;

/** One item per phone that texted STOP; the first time is kept. */
final class OptOuts implements OptOutStore {
    private final Table table;

    OptOuts(Table table) {
        this.table = table;
    }

    @Override
    public void record(String e164, Instant at) {
        table.put(Items.writer()
                .s(PK, Keys.OPT_OUTS.item(e164)).s(SK, Keys.OPT_OUTS.sortKey()).s(ITEM_TYPE, Keys.OPT_OUTS.sortKey())
                .s("at", at.toString())
                .build(), "attribute_not_exists(#pk)", null);
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        return table.get(Keys.OPT_OUTS.item(e164), Keys.OPT_OUTS.sortKey())
                .map(item -> Instant.parse(item.get("at").s()));
    }

    @Override
    public void clear(String e164) {
        table.delete(Keys.OPT_OUTS.item(e164), Keys.OPT_OUTS.sortKey());
    }
}
