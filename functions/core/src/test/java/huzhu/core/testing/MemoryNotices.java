package huzhu.core.testing;

import huzhu.core.care.DeliveryStatus;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.NoticeStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryNotices implements NoticeStore {
    private static final String LISTING = "notices";

    private final Object lock;
    private final Map<String, Notice> notices = new HashMap<>();
    private final Map<String, NoticeDelivery> deliveries = new TreeMap<>();
    private final Map<String, NoticeReply> replies = new HashMap<>();

    MemoryNotices(Object lock) {
        this.lock = lock;
    }

    @Override
    public void insert(Notice notice) {
        synchronized (lock) {
            if (notices.containsKey(notice.id())) throw new IllegalStateException("notice " + notice.id() + " already exists");
            notices.put(notice.id(), notice);
        }
    }

    @Override
    public void update(Notice updated) {
        synchronized (lock) {
            Notice stored = notices.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) throw new StaleWrite("notice", updated.id());
            notices.put(updated.id(), updated);
        }
    }

    @Override
    public Optional<Notice> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(notices.get(id));
        }
    }

    @Override
    public Page<Notice> list(PageRequest request) {
        synchronized (lock) {
            return MemoryPaging.page(notices.values(), n -> new MemoryPaging.Newest(n.createdAt(), n.id()), request,
                    c -> MemoryPaging.Newest.decode(LISTING, c), k -> k.encode(LISTING));
        }
    }

    @Override
    public List<Notice> due(Instant now) {
        synchronized (lock) {
            return notices.values().stream().filter(n -> n.dueAt() != null && !n.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Notice::dueAt).thenComparing(Notice::id)).toList();
        }
    }

    @Override
    public boolean insertDelivery(NoticeDelivery delivery) {
        synchronized (lock) {
            return deliveries.putIfAbsent(delivery.noticeId() + " " + delivery.phone(), delivery) == null;
        }
    }

    @Override
    public void updateDelivery(NoticeDelivery updated) {
        synchronized (lock) {
            String key = updated.noticeId() + " " + updated.phone();
            NoticeDelivery stored = deliveries.get(key);
            if (stored == null || stored.version() != updated.version() - 1) throw new StaleWrite("delivery", key);
            deliveries.put(key, updated);
        }
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        synchronized (lock) {
            return deliveries.values().stream().filter(d -> d.noticeId().equals(noticeId)).toList();
        }
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        synchronized (lock) {
            return deliveries.values().stream()
                    .filter(d -> d.phone().equals(phone) && d.status() == DeliveryStatus.SENT && d.sentAt() != null
                            && !d.sentAt().isBefore(since))
                    .max(Comparator.comparing(NoticeDelivery::sentAt).thenComparing(NoticeDelivery::noticeId));
        }
    }

    @Override
    public void appendReply(NoticeReply reply) {
        synchronized (lock) {
            if (replies.containsKey(reply.id())) throw new IllegalStateException("reply " + reply.id() + " already exists");
            replies.put(reply.id(), reply);
        }
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        synchronized (lock) {
            return replies.values().stream().filter(r -> r.noticeId().equals(noticeId))
                    .sorted(Comparator.comparing(NoticeReply::at).thenComparing(NoticeReply::id)).toList();
        }
    }
}
