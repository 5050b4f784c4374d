package huzhu.local.store;

import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.nanosOrNull;

import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.NoticeStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqlNotices implements NoticeStore {
    private static final NewestFirst<Notice> LISTING = new NewestFirst<>("notices", Notice.class, "notices", "created_at", Notice::createdAt,
            Notice::id);

    private final Sql sql;
    private final DocTable<Notice> notices;
    private final DocTable<NoticeDelivery> deliveries;
    private final DocTable<NoticeReply> replies;

    SqlNotices(Sql sql) {
        this.sql = sql;
        this.notices = new DocTable<>(sql, "notices", "notice", Notice.class)
                .key("id", Notice::id)
                .column("created_at", n -> nanos(n.createdAt()))
                .column("due_at", n -> nanosOrNull(n.dueAt()))
                .version(Notice::version);
        this.deliveries = new DocTable<>(sql, "notice_deliveries", "delivery", NoticeDelivery.class)
                .key("notice_id", NoticeDelivery::noticeId)
                .key("phone", NoticeDelivery::phone)
                .column("status", d -> d.status().wire())
                .column("sent_at", d -> nanosOrNull(d.sentAt()))
                .version(NoticeDelivery::version);
        this.replies = new DocTable<>(sql, "notice_replies", "reply", NoticeReply.class)
                .key("id", NoticeReply::id)
                .column("notice_id", NoticeReply::noticeId)
                .column("at", r -> nanos(r.at()));
    }

    @Override
    public void insert(Notice notice) {
        notices.insert(notice);
    }

    @Override
    public void update(Notice updated) {
        notices.update(updated);
    }

    @Override
    public Optional<Notice> get(String id) {
        return notices.get(id);
    }

    @Override
    public Page<Notice> list(PageRequest request) {
        return LISTING.page(sql, request);
    }

    @Override
    public List<Notice> due(Instant now) {
        return sql.tx(c -> sql.docs(c, Notice.class,
                "SELECT doc FROM notices WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id", nanos(now)));
    }

    @Override
    public boolean insertDelivery(NoticeDelivery d) {
        return deliveries.tryInsert(d);
    }

    @Override
    public void updateDelivery(NoticeDelivery d) {
        deliveries.update(d);
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        return sql.tx(c -> sql.docs(c, NoticeDelivery.class,
                "SELECT doc FROM notice_deliveries WHERE notice_id = ? ORDER BY phone", noticeId));
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        return sql.tx(c -> first(sql.docs(c, NoticeDelivery.class, """
                SELECT doc FROM notice_deliveries WHERE phone = ? AND status = 'sent' AND sent_at >= ?
                ORDER BY sent_at DESC, notice_id DESC LIMIT 1""", phone, nanos(since))));
    }

    @Override
    public void appendReply(NoticeReply reply) {
        replies.insert(reply);
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return sql.tx(c -> sql.docs(c, NoticeReply.class,
                "SELECT doc FROM notice_replies WHERE notice_id = ? ORDER BY at, id", noticeId));
    }
}
