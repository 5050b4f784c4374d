package huzhu.core.care;

import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notices, their deliveries (one per recipient phone) and their reply threads. */
public interface NoticeStore {
    /** Stores a new notice; throws {@link huzhu.core.kernel.AlreadyExists} if one with the same id exists. */
    void insert(Notice notice);

    /** Replaces the notice only if its stored version is {@code updated.version() - 1}; else {@link StaleWrite}. */
    void update(Notice updated);

    Optional<Notice> get(String id);

    /** Newest first (created), equal times by id descending; a cursor stays valid while notices are added. */
    Page<Notice> list(PageRequest page);

    /** Notices whose {@link Notice#dueAt()} is at or before {@code now} (scheduled and due, or sending), oldest first. */
    List<Notice> due(Instant now);

    /** Stores the delivery unless one for the same notice and phone exists; true if this call stored it. */
    boolean insertDelivery(NoticeDelivery delivery);

    /** Replaces the delivery only if its stored version is {@code updated.version() - 1}; else {@link StaleWrite}. */
    void updateDelivery(NoticeDelivery updated);

    /** Every delivery of the notice, by phone. */
    List<NoticeDelivery> deliveries(String noticeId);

    /** The most recent delivery sent to this phone at or after {@code since}, of any notice. */
    Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since);

    /** Adds a reply to its notice's thread; throws {@link huzhu.core.kernel.AlreadyExists} if the id exists. */
    void appendReply(NoticeReply reply);

    /** The thread, oldest first (equal times by id). */
    List<NoticeReply> replies(String noticeId);
}
