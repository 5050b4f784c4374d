package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.IntroductionStore;
import huzhu.core.kernel.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Family introductions: one item per (member, phone) in the member's own partition, so a member's are one
 * strongly consistent Query; every one in gsi1 ({@code INTRO}) for the coverage report; and by status in gsi2,
 * oldest request first, which is the periodic sender's queue.
 */
final class Introductions implements IntroductionStore {
    private final Table table;

    Introductions(Table table) {
        this.table = table;
    }

    @Override
    public void save(FamilyIntroduction next) {
        table.save(write(next), next.version(), "introduction", next.memberId());
    }

    @Override
    public Optional<FamilyIntroduction> get(String memberId, String phone) {
        return table.get(Keys.memberItems(memberId), Keys.INTRODUCTIONS.item(phone)).map(Introductions::read);
    }

    @Override
    public List<FamilyIntroduction> ofMember(String memberId) {
        return Paging.beginningWith(table, Keys.memberItems(memberId), Keys.INTRODUCTIONS.prefix()).stream()
                .map(Introductions::read).toList();
    }

    @Override
    public List<FamilyIntroduction> all() {
        return table.query(GSI1, "#gsi1pk = :pk", Map.of(":pk", Items.s(Keys.INTRODUCTIONS.all())), true,
                Integer.MAX_VALUE).stream().map(Introductions::read).toList();
    }

    @Override
    public List<FamilyIntroduction> withStatus(IntroductionStatus status) {
        return table.query(GSI2, "#gsi2pk = :pk", Map.of(":pk",
                Items.s(Keys.INTRODUCTIONS.withStatus(status.wire()))), true, Integer.MAX_VALUE)
                .stream().map(Introductions::read).toList();
    }

    private static Map<String, AttributeValue> write(FamilyIntroduction i) {
        return Items.writer()
                .s(PK, Keys.memberItems(i.memberId()))
                .s(SK, Keys.INTRODUCTIONS.item(i.phone()))
                .s(ITEM_TYPE, "INTRODUCTION")
                .s(GSI1_PK, Keys.INTRODUCTIONS.all())
                .s(GSI1_SK, i.memberId() + Keys.SEP + i.phone())
                .s(GSI2_PK, Keys.INTRODUCTIONS.withStatus(i.status().wire()))
                .s(GSI2_SK, Keys.sortable(i.requestedAt()) + Keys.SEP + i.memberId() + Keys.SEP + i.phone())
                .s("memberId", i.memberId())
                .s("phone", i.phone())
                .s("contactName", i.contactName())
                .wire("language", i.language())
                .wire("status", i.status())
                .bool("linkIncluded", i.linkIncluded())
                .s("messageId", i.messageId())
                .s("failureReason", i.failureReason())
                .s("requestedBy", i.requestedBy())
                .time("requestedAt", i.requestedAt())
                .time("claimedAt", i.claimedAt())
                .time("sentAt", i.sentAt())
                .n("version", i.version())
                .build();
    }

    private static FamilyIntroduction read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new FamilyIntroduction(r.s("memberId"), r.s("phone"), r.s("contactName"),
                r.wire(Language.class, "language"), r.wire(IntroductionStatus.class, "status"), r.bool("linkIncluded"),
                r.s("messageId"), r.s("failureReason"), r.s("requestedBy"), r.time("requestedAt"), r.time("claimedAt"),
                r.time("sentAt"), r.l("version"));
    }
}
