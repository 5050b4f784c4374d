package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.first;
import static huzhu.local.store.Sql.nanos;

import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqlContactRequests implements ContactRequestStore {
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
        String[] after = request.cursor() == null ? null : Cursor.decode(request.cursor(), "contact-requests", 2);
        int limit = request.limit();
        StringBuilder query = new StringBuilder("SELECT doc FROM contact_requests WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!status.everything()) {
            query.append(" AND status = ?");
            params.add(status.single().wire());
        }
        if (after != null) {
            long at = Cursor.number(after[0]);
            query.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        query.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return sql.tx(c -> Page.of(sql.docs(c, ContactRequest.class, query.toString(), params.toArray()), limit,
                r -> Cursor.encode("contact-requests", Long.toString(nanos(r.createdAt())), r.id())));
    }

    @Override
    public List<ContactRequest> ofMember(String memberId) {
        return sql.tx(c -> sql.docs(c, ContactRequest.class,
                "SELECT doc FROM contact_requests WHERE member_id = ? ORDER BY created_at DESC, id DESC", memberId));
    }
}
