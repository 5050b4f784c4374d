package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.directory.Area;
import huzhu.core.incident.Surge;
import huzhu.core.incident.SurgeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item per district that ever surged, all in one partition ({@code SURGE}, sort key {@code AREA#city#district}),
 * written only on the version it was read at; the sweep reads the partition whole.
 */
final class Surges implements SurgeStore {
    private final Table table;

    Surges(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Surge> get(Area area) {
        return table.get(Keys.SURGES, Keys.surge(area.city(), area.district())).map(Surges::read);
    }

    @Override
    public void put(Surge surge) {
        table.save(write(surge), surge.version(), "surge", surge.area().city() + "/" + surge.area().district());
    }

    @Override
    public List<Surge> active() {
        return table.query(null, "#pk = :pk", Map.of(":pk", Items.s(Keys.SURGES)), true, Integer.MAX_VALUE).stream()
                .map(Surges::read).filter(Surge::on).toList();
    }

    private static Map<String, AttributeValue> write(Surge s) {
        return Items.writer()
                .s(PK, Keys.SURGES).s(SK, Keys.surge(s.area().city(), s.area().district())).s(ITEM_TYPE, Keys.SURGES)
                .map("area", Items.writer().s("city", s.area().city()).s("district", s.area().district()))
                .time("startedAt", s.startedAt())
                .time("endedAt", s.endedAt())
                .list("summarized", List.copyOf(s.summarized().entrySet()), e -> Items.writer()
                        .n("leaderLevel", e.getKey().longValue()).time("at", e.getValue()))
                .n("version", s.version())
                .build();
    }

    private static Surge read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        Map<Integer, Instant> summarized = new TreeMap<>();
        for (Map.Entry<Integer, Instant> e : r.list("summarized", e -> Map.entry(e.i("leaderLevel"), e.time("at")))) {
            summarized.put(e.getKey(), e.getValue());
        }
        return new Surge(r.map("area", a -> new Area(a.s("city"), a.s("district"))), r.time("startedAt"),
                r.time("endedAt"), summarized, r.l("version"));
    }
}
