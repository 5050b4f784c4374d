package huzhu.console;

import static huzhu.console.Routes.actor;

import huzhu.core.audit.AuditService;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PhoneMask;
import huzhu.http.ApiRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one rule for personal data (names, phones, addresses, families, health and money) read through the console:
 * every read is in the audit log — who read, what (one record; or a list, with what was asked for), how many records
 * — recorded before the answer goes out, so nothing is read without a trace. Lists keep their whole records: the
 * officers call volunteers and families from them in an emergency. Every route that returns such data answers
 * through one of these methods.
 */
final class PersonalReads {
    /** Paging is not what was asked for: the same list read page by page is one request after another. */
    private static final List<String> NOT_ASKED = List.of("limit", "cursor");

    private final AuditService audit;

    PersonalReads(AuditService audit) {
        this.audit = audit;
    }

    /** One record: a {@code view} of it, labelled as people know it (a name, an incident code). */
    <T> T one(ApiRequest req, String kind, String id, String label, T record) {
        audit.recordRead(actor(req), "view", kind, id, label, List.of(id));
        return record;
    }

    /** A page of a list: a {@code search} when it has a text query, else a {@code list}, with what was asked. */
    <T> Page<T> page(ApiRequest req, String kind, Page<T> page, Function<T, String> id) {
        list(req, kind, null, page.items(), id);
        return page;
    }

    /** A page of a table (filtered, sorted, counted), as {@link #page}. */
    <T> Listed<T> listed(ApiRequest req, String kind, Listed<T> page, Function<T, String> id) {
        list(req, kind, null, page.items(), id);
        return page;
    }

    /** A list of records (of one incident or notice: {@code ownerId}) with what was asked, and how many. */
    <T> List<T> list(ApiRequest req, String kind, String ownerId, List<T> items, Function<T, String> id) {
        String action = req.query("query").filter(q -> !q.isBlank()).isPresent() ? "search" : "list";
        audit.recordRead(actor(req), action, kind, ownerId, asked(req), items.stream().map(id).toList());
        return items;
    }

    /** Records taken away as a spreadsheet: an {@code export}, with the filters it was made with, and how many. */
    <T> List<T> exported(ApiRequest req, String kind, List<T> items, Function<T, String> id) {
        audit.recordRead(actor(req), "export", kind, null, asked(req), items.stream().map(id).toList());
        return items;
    }

    /** The request's filters, "name=value" in name order, digits of a search masked as phones are in logs. */
    static String asked(ApiRequest req) {
        Map<String, String> asked = new TreeMap<>(req.queryParameters());
        NOT_ASKED.forEach(asked::remove);
        if (asked.isEmpty()) return null;
        StringBuilder label = new StringBuilder();
        asked.forEach((name, value) -> {
            if (label.length() > 0) label.append(' ');
            label.append(name).append('=').append(name.equals("query") ? masked(value) : value);
        });
        return label.length() > 200 ? label.substring(0, 200) : label.toString();
    }

    /** A search for a phone number, or part of one, is kept only as much as a log may show of a phone. */
    private static String masked(String query) {
        return query.chars().filter(Character::isDigit).count() >= 4 ? PhoneMask.mask(query) : query;
    }
}
