package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.util.List;
import java.util.Optional;

final class SqlContactRequests implements ContactRequestStore {
    private static final NewestFirst<ContactRequest> LISTING = new NewestFirst<>("contact-requests", ContactRequest.class, "contact_requests",
            "created_at", ContactRequest::createdAt, ContactRequest::id);

    private final Sql sql;

    SqlContactRequests(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ContactRequest r) {
        sql.tx(c -> {
            int inserted = execute(c, """
                    INSERT OR IGNORE INTO contact_requests (id, member_id, status, created_at, version, doc)
                    VALUES (?, ?, ?, ?, ?, ?)""", r.id(), r.memberId(), r.status().wire(), nanos(r.createdAt()),
                    r.version(), sql.json.write(r));
            if (inserted == 0) throw new IllegalStateException("contact request " + r.id() + " already exists");
            return null;
        });
    }

    @Override
    public void update(ContactRequest r) {
        sql.tx(c -> {
            int changed = execute(c, """
                    UPDATE contact_requests SET status = ?, version = ?, doc = ? WHERE id = ? AND version = ?""",
                    r.status().wire(), r.version(), sql.json.write(r), r.id(), r.version() - 1);
            if (changed == 0) throw new StaleWrite("contactRequest", r.id());
            return null;
        });
    }

    @Override
    public Optional<ContactRequest> get(String id) {
        return sql.tx(c -> first(sql.docs(c, ContactRequest.class, "SELECT doc FROM contact_requests WHERE id = ?",
                id)));
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
