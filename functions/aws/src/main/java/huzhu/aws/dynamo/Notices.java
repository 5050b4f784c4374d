package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ACTIVE;
import static huzhu.aws.dynamo.TableSchema.ACTIVE_PK;
import static huzhu.aws.dynamo.TableSchema.ACTIVE_SK;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI3;
import static huzhu.aws.dynamo.TableSchema.GSI3_PK;
import static huzhu.aws.dynamo.TableSchema.GSI3_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.aws.dynamo.Paging.Index;
import huzhu.core.care.AudienceKind;
import huzhu.core.care.DeliveryStatus;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeAudience;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.ReplyDecision;
import huzhu.core.care.NoticeStatus;
import huzhu.core.care.NoticeStore;
import huzhu.core.directory.PersonKind;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Notices, their deliveries and their replies share the notice's partition ({@code NOTICE#<id>}): the notice
 * item, one {@code DELIVERY#<phone>} item per recipient, one {@code REPLY#<at>#<id>} item per reply, each group a
 * strongly consistent Query. Notices are listed newest first from gsi1 ({@code NOTICE}); a notice due for sending
 * (scheduled, or being sent) sits in the sparse index {@code active} under {@code NOTICE_DUE}, sorted by when it
 * is due, which the one-minute sweep queries; a sent delivery is found by phone through gsi3, newest first, which
 * is how a reply finds its notice.
 */
final class Notices implements NoticeStore {
    private static final String LISTING = "notices";

    private final Table table;

    Notices(Table table) {
        this.table = table;
    }

    // ---- notices

    @Override
    public void insert(Notice notice) {
        table.insert(write(notice), "notice", notice.id());
    }

    @Override
    public void update(Notice updated) {
        table.update(write(updated), updated.version(), "notice", updated.id());
    }

    @Override
    public Optional<Notice> get(String id) {
        return table.get(Keys.NOTICES.item(id), Keys.NOTICES.sortKey()).map(Notices::read);
    }

    @Override
    public Page<Notice> list(PageRequest request) {
        return Paging.newestFirst(table, Index.ALL, Keys.NOTICES.all(), request, LISTING, Notices::read);
    }

    @Override
    public List<Notice> due(Instant now) {
        // "dueAt#id" < "now$" exactly when dueAt <= now: '$' sorts right after the separator '#'
        return table.query(ACTIVE, "#activePk = :pk AND #activeSk < :due", Map.of(":pk", Items.s(Keys.DUE_NOTICES),
                ":due", Items.s(Keys.sortable(now) + "$")), true, Integer.MAX_VALUE).stream().map(Notices::read).toList();
    }

    private static Map<String, AttributeValue> write(Notice n) {
        Items.Writer w = Items.writer()
                .s(PK, Keys.NOTICES.item(n.id()))
                .s(SK, Keys.NOTICES.sortKey())
                .s(ITEM_TYPE, Keys.NOTICES.sortKey())
                .s(GSI1_PK, Keys.NOTICES.all())
                .s(GSI1_SK, Keys.newestFirst(n.createdAt(), n.id()))
                .s("id", n.id())
                .s("title", n.title())
                .s("text", n.text())
                .map("audience", Items.writer().wire("kind", n.audience().kind()).s("unit", n.audience().unit()))
                .wire("status", n.status())
                .time("scheduledAt", n.scheduledAt())
                .s("createdById", n.createdById())
                .s("createdBy", n.createdBy())
                .time("createdAt", n.createdAt())
                .time("updatedAt", n.updatedAt())
                .time("sendStartedAt", n.sendStartedAt())
                .time("completedAt", n.completedAt())
                .time("cancelledAt", n.cancelledAt())
                .bool("audienceResolved", n.audienceResolved())
                .n("recipients", n.recipients())
                .bool("linkInSms", n.linkInSms())
                .time("topicAt", n.topicAt())
                .s("topicMessageId", n.topicMessageId())
                .n("version", n.version());
        Items.Writer bodies = Items.writer();
        n.smsBodies().forEach(bodies::s);
        w.map("smsBodies", bodies);
        if (n.dueAt() != null) w.s(ACTIVE_PK, Keys.DUE_NOTICES).s(ACTIVE_SK, Keys.sortable(n.dueAt()) + Keys.SEP + n.id());
        return w.build();
    }

    private static Notice read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        NoticeAudience audience = r.map("audience", a -> new NoticeAudience(a.wire(AudienceKind.class, "kind"), a.s("unit")));
        Map<String, String> bodies = new LinkedHashMap<>();
        AttributeValue m = item.get("smsBodies");
        if (m != null && m.hasM()) m.m().forEach((k, v) -> bodies.put(k, v.s()));
        return new Notice(r.s("id"), r.s("title"), r.s("text"), audience, r.wire(NoticeStatus.class, "status"),
                r.time("scheduledAt"), r.s("createdById"), r.s("createdBy"), r.time("createdAt"), r.time("updatedAt"),
                r.time("sendStartedAt"), r.time("completedAt"), r.time("cancelledAt"), r.bool("audienceResolved"),
                r.i("recipients"), bodies, r.bool("linkInSms"), r.time("topicAt"), r.s("topicMessageId"),
                r.l("version"));
    }

    // ---- deliveries

    @Override
    public boolean insertDelivery(NoticeDelivery delivery) {
        return table.putNew(write(delivery));
    }

    @Override
    public void updateDelivery(NoticeDelivery updated) {
        table.update(write(updated), updated.version(), "delivery", updated.noticeId());
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        return Paging.beginningWith(table, Keys.NOTICES.item(noticeId), Keys.DELIVERIES.prefix()).stream()
                .map(Notices::readDelivery).toList();
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        return table.query(GSI3, "#gsi3pk = :pk AND #gsi3sk >= :since", Map.of(":pk",
                Items.s(Keys.deliveriesToPhone(phone)), ":since", Items.s(Keys.sortable(since))), false, 1)
                .stream().findFirst().map(Notices::readDelivery);
    }

    private static Map<String, AttributeValue> write(NoticeDelivery d) {
        Items.Writer w = Items.writer()
                .s(PK, Keys.NOTICES.item(d.noticeId()))
                .s(SK, Keys.DELIVERIES.item(d.phone()))
                .s(ITEM_TYPE, "DELIVERY")
                .s("noticeId", d.noticeId())
                .s("phone", d.phone())
                .s("name", d.name())
                .wire("kind", d.kind())
                .s("personId", d.personId())
                .s("memberId", d.memberId())
                .wire("language", d.language())
                .wire("status", d.status())
                .s("messageId", d.messageId())
                .s("failureReason", d.failureReason())
                .time("claimedAt", d.claimedAt())
                .time("sentAt", d.sentAt())
                .n("version", d.version());
        // only what was sent is found by phone: a reply answers a notice its sender received
        if (d.status() == DeliveryStatus.SENT && d.sentAt() != null) {
            w.s(GSI3_PK, Keys.deliveriesToPhone(d.phone())).s(GSI3_SK, Keys.newestFirst(d.sentAt(), d.noticeId()));
        }
        return w.build();
    }

    private static NoticeDelivery readDelivery(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new NoticeDelivery(r.s("noticeId"), r.s("phone"), r.s("name"), r.wire(PersonKind.class, "kind"),
                r.s("personId"), r.s("memberId"), r.wire(Language.class, "language"),
                r.wire(DeliveryStatus.class, "status"), r.s("messageId"), r.s("failureReason"), r.time("claimedAt"),
                r.time("sentAt"), r.l("version"));
    }

    // ---- replies

    @Override
    public void appendReply(NoticeReply reply) {
        Map<String, AttributeValue> item = Items.writer()
                .s(PK, Keys.NOTICES.item(reply.noticeId()))
                .s(SK, Keys.reply(reply.at(), reply.id()))
                .s(ITEM_TYPE, "REPLY")
                .s("id", reply.id())
                .s("noticeId", reply.noticeId())
                .time("at", reply.at())
                .s("phone", reply.phone())
                .s("name", reply.name())
                .wire("kind", reply.kind())
                .s("memberId", reply.memberId())
                .s("text", reply.text())
                .wire("decision", reply.decision())
                .build();
        table.insert(item, "reply", reply.id());
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return Paging.beginningWith(table, Keys.NOTICES.item(noticeId), Keys.REPLY_PREFIX).stream().map(item -> {
            Items.Reader r = Items.reader(item);
            return new NoticeReply(r.s("id"), r.s("noticeId"), r.time("at"), r.s("phone"), r.s("name"),
                    r.wire(PersonKind.class, "kind"), r.s("memberId"), r.s("text"),
                    r.wire(ReplyDecision.class, "decision"));
        }).toList();
    }
}
