package huzhu.local.store;

import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Optional;

final class SqlContactRequests implements ContactRequestStore {
    private static final NewestFirst<ContactRequest> LISTING = new NewestFirst<>("contact-requests", ContactRequest.class, "contact_requests",
            "created_at", ContactRequest::createdAt, ContactRequest::id);

    private final Sql sql;
    private final DocTable<ContactRequest> rows;

    SqlContactRequests(Sql sql) {
        this.sql = sql;
        this.rows = new DocTable<>(sql, "contact_requests", "contact request", ContactRequest.class)
                .key("id", ContactRequest::id)
                .column("member_id", ContactRequest::memberId)
                .column("status", r -> r.status().wire())
                .column("created_at", r -> nanos(r.createdAt()))
                .version(ContactRequest::version);
    }

    @Override
    public void insert(ContactRequest r) {
        rows.insert(r);
    }

    @Override
    public void update(ContactRequest r) {
        rows.update(r);
    }

    @Override
    public Optional<ContactRequest> get(String id) {
        return rows.get(id);
    }

    @Override
    public Page<ContactRequest> list(StatusFilter<ContactRequest.Status> status, PageRequest request) {
        return LISTING.page(sql, request, NewestFirst.status(status));
    }

    @Override
    public List<ContactRequest> ofMember(String memberId) {
        return sql.tx(c -> sql.docs(c, ContactRequest.class,
                "SELECT doc FROM contact_requests WHERE member_id = ? ORDER BY created_at DESC, id DESC", memberId));
    }
}
