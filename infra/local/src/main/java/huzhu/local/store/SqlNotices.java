package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;
import static huzhu.local.store.Sql.nanosOrNull;

import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.NoticeStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqlNotices implements NoticeStore {
    private static final NewestFirst<Notice> LISTING = new NewestFirst<>("notices", Notice.class, "notices", "created_at", Notice::createdAt,
            Notice::id);

    private final Sql sql;

    SqlNotices(Sql sql) {
        this.sql = sql;
    }


    @Override
    public void insert(Notice notice) {
        sql.tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO notices (id, created_at, due_at, version, doc) VALUES (?, ?, ?, ?, ?)",
                    notice.id(), nanos(notice.createdAt()), nanosOrNull(notice.dueAt()), notice.version(),
                    sql.json.write(notice));
            if (inserted == 0) throw new IllegalStateException("notice " + notice.id() + " already exists");
            return null;
        });
    }

    @Override
    public void update(Notice updated) {
        sql.tx(c -> {
            int changed = execute(c, "UPDATE notices SET due_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?",
                    nanosOrNull(updated.dueAt()), updated.version(), sql.json.write(updated), updated.id(),
                    updated.version() - 1);
            if (changed == 0) throw new StaleWrite("notice", updated.id());
            return null;
        });
    }

    @Override
    public Optional<Notice> get(String id) {
        return sql.tx(c -> first(sql.docs(c, Notice.class, "SELECT doc FROM notices WHERE id = ?", id)));
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
        return sql.tx(c -> execute(c, """
                INSERT OR IGNORE INTO notice_deliveries (notice_id, phone, status, sent_at, version, doc)
                VALUES (?, ?, ?, ?, ?, ?)""", d.noticeId(), d.phone(), d.status().wire(), nanosOrNull(d.sentAt()),
                d.version(), sql.json.write(d)) > 0);
    }

    @Override
    public void updateDelivery(NoticeDelivery d) {
        sql.tx(c -> {
            int changed = execute(c, """
                    UPDATE notice_deliveries SET status = ?, sent_at = ?, version = ?, doc = ?
                    WHERE notice_id = ? AND phone = ? AND version = ?""", d.status().wire(), nanosOrNull(d.sentAt()),
                    d.version(), sql.json.write(d), d.noticeId(), d.phone(), d.version() - 1);
            if (changed == 0) throw new StaleWrite("delivery", d.noticeId());
            return null;
        });
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
        sql.tx(c -> {
            int inserted = execute(c, "INSERT OR IGNORE INTO notice_replies (id, notice_id, at, doc) VALUES (?, ?, ?, ?)",
                    reply.id(), reply.noticeId(), nanos(reply.at()), sql.json.write(reply));
            if (inserted == 0) throw new IllegalStateException("reply " + reply.id() + " already exists");
            return null;
        });
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return sql.tx(c -> sql.docs(c, NoticeReply.class,
                "SELECT doc FROM notice_replies WHERE notice_id = ? ORDER BY at, id", noticeId));
    }
}
