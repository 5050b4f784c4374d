package huzhu.core.testing;

import huzhu.core.care.DeliveryStatus;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.NoticeStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryNotices implements NoticeStore {
    private static final MemoryPaging.Order<Notice, ?> NEWEST_FIRST =
            MemoryPaging.newestFirst("notices", Notice::createdAt, Notice::id);

    private final MemoryTable<Notice> notices;
    private final MemoryTable<NoticeDelivery> deliveries;
    private final MemoryTable<NoticeReply> replies;

    MemoryNotices(Object lock) {
        this.notices = new MemoryTable<>(lock, "notice", Notice::id, Notice::version);
        this.deliveries = new MemoryTable<>(lock, "delivery", d -> d.noticeId() + " " + d.phone(),
                NoticeDelivery::version);
        this.replies = new MemoryTable<>(lock, "reply", NoticeReply::id);
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
        return notices.page(n -> true, NEWEST_FIRST, request);
    }

    @Override
    public List<Notice> due(Instant now) {
        return notices.where(n -> n.dueAt() != null && !n.dueAt().isAfter(now),
                Comparator.comparing(Notice::dueAt).thenComparing(Notice::id));
    }

    @Override
    public boolean insertDelivery(NoticeDelivery delivery) {
        return deliveries.insertIfAbsent(delivery);
    }

    @Override
    public void updateDelivery(NoticeDelivery updated) {
        deliveries.update(updated);
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        return deliveries.where(d -> d.noticeId().equals(noticeId));
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        return deliveries.where(d -> d.phone().equals(phone) && d.status() == DeliveryStatus.SENT
                        && d.sentAt() != null && !d.sentAt().isBefore(since))
                .stream().max(Comparator.comparing(NoticeDelivery::sentAt).thenComparing(NoticeDelivery::noticeId));
    }

    @Override
    public void appendReply(NoticeReply reply) {
        replies.insert(reply);
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return replies.where(r -> r.noticeId().equals(noticeId),
                Comparator.comparing(NoticeReply::at).thenComparing(NoticeReply::id));
    }
}
