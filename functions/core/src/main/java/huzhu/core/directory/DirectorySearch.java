package huzhu.core.directory;

import huzhu.core.error.Invalid;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.Text;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Free-text search of the directory. One union's directory is hundreds of entries, so it is filtered in
 * memory from {@code Registry.all()}, the same on every store; pages are cut by id with a cursor of our own.
 * Names match by substring, ignoring case and spaces; phones by their digits, so "13900000021",
 * "139 0000 0021" and "0021" all find +8613900000021.
 */
final class DirectorySearch {
    static final int MAX_QUERY = 50;
    private static final int MIN_PHONE_DIGITS = 3;

    private DirectorySearch() {
    }

    /** The query as matched (lower case, no spaces), null when blank; 422 on {@code query} when too long. */
    static String query(String raw) {
        String q = Text.clean(raw);
        if (Text.blank(q)) return null;
        if (q.length() > MAX_QUERY) throw Invalid.of("query", "invalid.tooLong");
        return fold(q);
    }

    static boolean matches(String q, Member m) {
        if (text(q, m.name(), m.unit(), m.homeAddress()) || area(q, m.homeArea()) || phone(q, m.phone())) return true;
        for (FamilyContact c : m.familyContacts()) {
            if (text(q, c.name(), c.relation()) || phone(q, c.phone())) return true;
        }
        return false;
    }

    static boolean matches(String q, Volunteer v) {
        return text(q, v.name()) || area(q, v.area()) || phone(q, v.phone())
                || v.skills().stream().anyMatch(s -> text(q, s));
    }

    static boolean matches(String q, Leader l) {
        return text(q, l.name(), l.title(), l.email()) || phone(q, l.phone());
    }

    static <T extends DirectoryEntry> Page<T> page(List<T> all, Predicate<T> keep, PageRequest request,
            String listing) {
        String after = request.cursor() == null ? null : decode(request.cursor(), listing);
        int limit = request.limit() < 1 ? PageRequest.DEFAULT_LIMIT : Math.min(request.limit(), PageRequest.MAX_LIMIT);
        List<T> rest = all.stream()
                .filter(e -> after == null || e.id().compareTo(after) > 0)
                .filter(keep)
                .sorted(Comparator.comparing(DirectoryEntry::id))
                .toList();
        if (rest.size() <= limit) return new Page<>(rest, null);
        List<T> head = rest.subList(0, limit);
        return new Page<>(head, encode(listing, head.get(limit - 1).id()));
    }

    private static boolean text(String q, String... values) {
        for (String v : values) {
            if (v != null && fold(v).contains(q)) return true;
        }
        return false;
    }

    private static boolean area(String q, Area a) {
        return a != null && text(q, a.city(), a.district());
    }

    private static boolean phone(String q, String phone) {
        String digits = q.replaceAll("[^0-9]", "");
        return phone != null && digits.length() >= MIN_PHONE_DIGITS && digits.length() * 2 >= q.length()
                && phone.replaceAll("[^0-9]", "").contains(digits);
    }

    private static String fold(String s) {
        return Text.clean(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static String encode(String listing, String id) {
        String plain = "search-" + listing + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String listing) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = "search-" + listing + "\n";
            if (plain.startsWith(prefix) && plain.length() > prefix.length()) return plain.substring(prefix.length());
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw Invalid.of("cursor", "invalid.cursor");
    }
}
