package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.aws.dynamo.Paging.Index;
import huzhu.core.care.CareRound;
import huzhu.core.care.CareRoundStore;
import huzhu.core.care.FollowUpKind;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Care rounds: one item each, listed newest first by "createdAt#id" in gsi1. The round keeps the ids of the members
 * it was planned for (a union's 136, or a few thousand at most: well within an item's 400 KB).
 */
final class CareRounds implements CareRoundStore {
    private static final String LISTING = "rounds";

    private final Table table;

    CareRounds(Table table) {
        this.table = table;
    }

    @Override
    public void insert(CareRound round) {
        table.insert(write(round), "round", round.id());
    }

    @Override
    public Optional<CareRound> get(String id) {
        return table.get(Keys.ROUNDS.item(id), Keys.ROUNDS.sortKey()).map(CareRounds::read);
    }

    @Override
    public Page<CareRound> list(PageRequest request) {
        return Paging.newestFirst(table, Index.ALL, Keys.ROUNDS.all(), request, LISTING, CareRounds::read);
    }

    private static Map<String, AttributeValue> write(CareRound r) {
        return Items.writer()
                .s(PK, Keys.ROUNDS.item(r.id()))
                .s(SK, Keys.ROUNDS.sortKey())
                .s(ITEM_TYPE, Keys.ROUNDS.sortKey())
                .s(GSI1_PK, Keys.ROUNDS.all())
                .s(GSI1_SK, Keys.newestFirst(r.createdAt(), r.id()))
                .s("id", r.id())
                .s("title", r.title())
                .wire("kind", r.kind())
                .map("audience", Items.writer()
                        .wire("kind", r.audience().kind())
                        .s("unit", r.audience().unit())
                        .strings("memberIds", r.audience().memberIds()))
                .date("dueDate", r.dueDate())
                .s("owner", r.owner())
                .s("notes", r.notes())
                .strings("memberIds", r.memberIds())
                .time("createdAt", r.createdAt())
                .s("createdById", r.createdById())
                .s("createdBy", r.createdBy())
                .build();
    }

    private static CareRound read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new CareRound(r.s("id"), r.s("title"), r.wire(FollowUpKind.class, "kind"),
                r.map("audience", a -> new CareRound.Audience(a.wire(CareRound.AudienceKind.class, "kind"),
                        a.s("unit"), a.strings("memberIds"))),
                r.date("dueDate"), r.s("owner"), r.s("notes"), r.strings("memberIds"), r.time("createdAt"),
                r.s("createdById"), r.s("createdBy"));
    }
}
