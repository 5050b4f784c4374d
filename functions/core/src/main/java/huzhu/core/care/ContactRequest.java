package huzhu.core.care;

import huzhu.core.kernel.Wire;
import java.time.Instant;

/**
 * A request, made on the member's own page, to change the family contacts on file (who may raise the alarm for the
 * member and hears who is coming): add one, change one, or remove one. An officer approves it (the change is then
 * made, as if at the console) or rejects it; the member is told by SMS either way. {@code targetPhone} is the phone
 * of the contact to change or remove, found from the page's choice when the request was made (the page never shows
 * it); {@code name}, {@code relation} and {@code phone} are the contact as it should be (empty for a removal).
 */
public record ContactRequest(
        String id,
        String memberId,
        String memberName,
        Action action,
        String targetPhone,
        String name,
        String relation,
        String phone,
        String note,
        String requesterName,
        Status status,
        Instant createdAt,
        String decidedById,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        long version) {

    public enum Action implements Wire {
        ADD("add"),
        CHANGE("change"),
        REMOVE("remove");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    public enum Status implements Wire {
        PENDING("pending"),
        APPROVED("approved"),
        REJECTED("rejected");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    /** Decided: the next version, approved or rejected by {@code by}. */
    ContactRequest decided(Status to, String byId, String byName, Instant at, String note) {
        return new ContactRequest(id, memberId, memberName, action, targetPhone, name, relation, phone, this.note,
                requesterName, to, createdAt, byId, byName, at, note, version + 1);
    }
}
