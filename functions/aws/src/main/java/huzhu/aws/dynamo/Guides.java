package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.GuideStore;
import huzhu.core.kernel.StaleWrite;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The union's operation guide for assistance: one item beside the escalation policy. */
final class Guides implements GuideStore {
    private final Table table;

    Guides(Table table) {
        this.table = table;
    }

    @Override
    public Optional<AssistanceGuide> guide() {
        return table.get(Keys.SETTINGS, Keys.ASSISTANCE_GUIDE).map(item -> {
            Items.Reader r = Items.reader(item);
            return new AssistanceGuide(r.list("kinds", k -> new AssistanceGuide.Kind(k.s("kind"), k.s("title"),
                    k.s("description"), k.strings("documents"), k.decimal("standardAmount"))), r.strings("steps"),
                    r.s("note"), r.time("updatedAt"), r.s("updatedBy"), r.l("version"));
        });
    }

    @Override
    public void saveGuide(AssistanceGuide guide) {
        Map<String, AttributeValue> item = Items.writer()
                .s(PK, Keys.SETTINGS).s(SK, Keys.ASSISTANCE_GUIDE).s(ITEM_TYPE, Keys.SETTINGS)
                .list("kinds", guide.kinds(), k -> Items.writer()
                        .s("kind", k.kind())
                        .s("title", k.title())
                        .s("description", k.description())
                        .strings("documents", k.documents())
                        .n("standardAmount", k.standardAmount()))
                .strings("steps", guide.steps())
                .s("note", guide.note())
                .time("updatedAt", guide.updatedAt())
                .s("updatedBy", guide.updatedBy())
                .n("version", guide.version())
                .build();
        long previous = guide.version() - 1;
        // a guide saved before guides had versions has none: it is version 0, as no guide is
        boolean saved = previous == 0
                ? table.put(item, "attribute_not_exists(#pk) OR attribute_not_exists(#version)", Map.of())
                : table.put(item, "#version = :previous", Map.of(":previous", Items.n(previous)));
        if (!saved) throw new StaleWrite("guide", Keys.ASSISTANCE_GUIDE);
    }
}
