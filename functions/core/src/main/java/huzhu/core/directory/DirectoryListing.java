package huzhu.core.directory;

import huzhu.core.error.Invalid;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.Text;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A directory list as the console's tables show it: the free-text search, filters by unit and area (and duty),
 * sorted by a column either way, one page of it, and how many there are in all. One union's directory is a few
 * hundred entries, filtered and sorted in memory from {@code Registry.all()}, the same on every store. Names sort
 * as Chinese readers expect (pinyin order, then the id so that pages never overlap). The cursor is the position of
 * the next page in this very listing; {@code page} (from 1) jumps to any page.
 */
public final class DirectoryListing {
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private DirectoryListing() {
    }

    /**
     * What a table asks for; every part may be null. {@code sort} names a column of the kind (see
     * {@link #MEMBER_COLUMNS} and the others), {@code descending} turns it round.
     */
    public record Query(String query, String unit, String city, String district, Boolean onDuty, String sort,
            boolean descending, Integer page) {
        public static final Query NONE = new Query(null, null, null, null, null, null, false, null);

        /** Whether this asks for more than the plain list (store order, cursor paging) of the contract. */
        public boolean plain() {
            return Text.blank(query) && Text.blank(unit) && Text.blank(city) && Text.blank(district) && onDuty == null
                    && Text.blank(sort) && page == null;
        }
    }

    /** Each unit and area of the members, with how many members each has: the tables' filters and the pickers. */
    public record Facets(List<Count> units, List<AreaCount> areas) {
    }

    public record Count(String name, int members) {
    }

    public record AreaCount(String city, String district, int members) {
    }

    static final Map<String, Comparator<Member>> MEMBER_COLUMNS = Map.of(
            "name", by(Member::name),
            "unit", by(Member::unit),
            "home", by(m -> m.homeArea() == null ? null : m.homeArea().city() + " " + Objects.toString(
                    m.homeArea().district(), "")),
            "family", Comparator.comparingInt(m -> m.familyContacts().size()),
            "createdAt", Comparator.comparing(Member::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));

    static final Map<String, Comparator<Volunteer>> VOLUNTEER_COLUMNS = Map.of(
            "name", by(Volunteer::name),
            "area", by(v -> v.area() == null ? null : v.area().city() + " " + Objects.toString(v.area().district(), "")),
            "onDuty", Comparator.comparing(Volunteer::onDuty),
            "maxActive", Comparator.comparingInt(Volunteer::maxActive));

    static final Map<String, Comparator<Leader>> LEADER_COLUMNS = Map.of(
            "name", by(Leader::name),
            "title", by(Leader::title),
            "level", Comparator.comparingInt(Leader::level));

    static <T extends DirectoryEntry> Listed<T> list(List<T> all, Predicate<T> keep, Query q,
            Map<String, Comparator<T>> columns, PageRequest request, String listing) {
        Comparator<T> order = Comparator.comparing(DirectoryEntry::id);
        if (!Text.blank(q.sort())) {
            Comparator<T> column = columns.get(q.sort().strip());
            if (column == null) throw Invalid.of("sort", "invalid.choice");
            order = (q.descending() ? column.reversed() : column).thenComparing(DirectoryEntry::id);
        }
        List<T> matching = all.stream().filter(keep).sorted(order).toList();
        return Listed.cut(matching, request, q.page(), listing);
    }

    /** Members matching the filters: unit and area exactly (as the facets name them), the search as {@link DirectorySearch}. */
    static Predicate<Member> members(Query q) {
        String text = DirectorySearch.query(q.query());
        return m -> (text == null || DirectorySearch.matches(text, m))
                && (Text.blank(q.unit()) || q.unit().strip().equals(m.unit()))
                && inArea(m.homeArea(), q);
    }

    static Predicate<Volunteer> volunteers(Query q) {
        String text = DirectorySearch.query(q.query());
        return v -> (text == null || DirectorySearch.matches(text, v))
                && (q.onDuty() == null || v.onDuty() == q.onDuty())
                && inArea(v.area(), q);
    }

    static Predicate<Leader> leaders(Query q) {
        String text = DirectorySearch.query(q.query());
        return l -> text == null || DirectorySearch.matches(text, l);
    }

    static Facets facets(List<Member> members) {
        Map<String, Integer> units = new TreeMap<>(CHINESE);
        Map<List<String>, Integer> areas = new TreeMap<>(Comparator.<List<String>, String>comparing(a -> a.get(0), CHINESE)
                .thenComparing(a -> a.get(1), CHINESE));
        for (Member m : members) {
            if (!Text.blank(m.unit())) units.merge(m.unit(), 1, Integer::sum);
            if (!Text.blank(m.homeCity())) {
                areas.merge(List.of(m.homeArea().city(), Objects.toString(m.homeArea().district(), "")), 1, Integer::sum);
            }
        }
        return new Facets(units.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(),
                areas.entrySet().stream().map(e -> new AreaCount(e.getKey().get(0),
                        e.getKey().get(1).isEmpty() ? null : e.getKey().get(1), e.getValue())).toList());
    }

    private static boolean inArea(Area area, Query q) {
        if (!Text.blank(q.city()) && (area == null || !q.city().strip().equals(area.city()))) return false;
        return Text.blank(q.district()) || area != null && q.district().strip().equals(area.district());
    }

    private static <T> Comparator<T> by(Function<T, String> text) {
        return Comparator.comparing(text, Comparator.nullsLast(CHINESE::compare));
    }
}
