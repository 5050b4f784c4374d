package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;
import static huzhu.aws.dynamo.TableSchema.GSI3_PK;
import static huzhu.aws.dynamo.TableSchema.GSI3_SK;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Requests to change family contacts: one item each, written with a condition on {@code version}, listed newest
 * first by "createdAt#id" in gsi1 (all), gsi2 (by status) and gsi3 (by member).
 */
final class ContactRequests implements ContactRequestStore {
    private static final String LISTING = "contact-requests";

    private final Table table;

    ContactRequests(Table table) {
        this.table = table;
    }

    @Override
    public void insert(ContactRequest request) {
        table.insert(write(request), "contact request", request.id());
    }

    @Override
    public void update(ContactRequest updated) {
        table.update(write(updated), updated.version(), "contactRequest", updated.id());
    }

    @Override
    public Optional<ContactRequest> get(String id) {
        return table.get(Keys.CONTACT_REQUESTS.item(id), Keys.CONTACT_REQUESTS.sortKey()).map(ContactRequests::read);
    }

    @Override
    public Page<ContactRequest> list(StatusFilter<ContactRequest.Status> status, PageRequest request) {
        return Paging.newestFirst(table, Keys.CONTACT_REQUESTS, status, request, LISTING, ContactRequests::read);
    }

    @Override
    public List<ContactRequest> ofMember(String memberId) {
        return Paging.ofOwner(table, Keys.CONTACT_REQUESTS.of(Keys.MEMBERS, memberId), false, ContactRequests::read);
    }

    private static Map<String, AttributeValue> write(ContactRequest r) {
        String newest = Keys.newestFirst(r.createdAt(), r.id());
        return Items.writer()
                .s(PK, Keys.CONTACT_REQUESTS.item(r.id()))
                .s(SK, Keys.CONTACT_REQUESTS.sortKey())
                .s(ITEM_TYPE, Keys.CONTACT_REQUESTS.sortKey())
                .s(GSI1_PK, Keys.CONTACT_REQUESTS.all())
                .s(GSI1_SK, newest)
                .s(GSI2_PK, Keys.CONTACT_REQUESTS.withStatus(r.status().wire()))
                .s(GSI2_SK, newest)
                .s(GSI3_PK, Keys.CONTACT_REQUESTS.of(Keys.MEMBERS, r.memberId()))
                .s(GSI3_SK, newest)
                .s("id", r.id())
                .s("memberId", r.memberId())
                .s("memberName", r.memberName())
                .wire("action", r.action())
                .s("targetPhone", r.targetPhone())
                .s("name", r.name())
                .s("relation", r.relation())
                .s("phone", r.phone())
                .s("note", r.note())
                .s("requesterName", r.requesterName())
                .wire("status", r.status())
                .time("createdAt", r.createdAt())
                .s("decidedById", r.decidedById())
                .s("decidedBy", r.decidedBy())
                .time("decidedAt", r.decidedAt())
                .s("decisionNote", r.decisionNote())
                .n("version", r.version())
                .build();
    }

    private static ContactRequest read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new ContactRequest(r.s("id"), r.s("memberId"), r.s("memberName"),
                r.wire(ContactRequest.Action.class, "action"), r.s("targetPhone"), r.s("name"), r.s("relation"),
                r.s("phone"), r.s("note"), r.s("requesterName"), r.wire(ContactRequest.Status.class, "status"),
                r.time("createdAt"), r.s("decidedById"), r.s("decidedBy"), r.time("decidedAt"), r.s("decisionNote"),
                r.l("version"));
    }
}
