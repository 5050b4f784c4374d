package huzhu.core.kernel;

import huzhu.core.error.Invalid;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which statuses a listing wants, parsed once from the query's word: blank or "all" for every status, a status's
 * contract word (any case), or a name the listing gives a group of statuses (incidents: "active"). Anything else
 * is refused here, so no store has to.
 */
public record StatusFilter<S extends Enum<S> & Wire>(Set<S> statuses, boolean everything) {
    public StatusFilter {
        statuses = Set.copyOf(statuses);
    }

    public static <S extends Enum<S> & Wire> StatusFilter<S> all(Class<S> type) {
        return new StatusFilter<>(EnumSet.allOf(type), true);
    }

    @SafeVarargs
    public static <S extends Enum<S> & Wire> StatusFilter<S> of(S first, S... more) {
        EnumSet<S> set = EnumSet.of(first, more);
        return new StatusFilter<>(set, set.size() == first.getDeclaringClass().getEnumConstants().length);
    }

    public static <S extends Enum<S> & Wire> StatusFilter<S> parse(Class<S> type, String word) {
        return parse(type, word, Map.of());
    }

    /** @param groups names of groups of statuses, lower case ("active" → open, acknowledged) */
    public static <S extends Enum<S> & Wire> StatusFilter<S> parse(Class<S> type, String word,
            Map<String, Set<S>> groups) {
        if (Text.blank(word) || word.strip().equalsIgnoreCase("all")) return all(type);
        Set<S> group = groups.get(word.strip().toLowerCase(Locale.ROOT));
        if (group != null) return new StatusFilter<>(group, group.size() == type.getEnumConstants().length);
        S status = Wire.parse(type, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return of(status);
    }

    public boolean test(S status) {
        return statuses.contains(status);
    }

    /** The wanted statuses' contract words, in the statuses' order. */
    public List<String> wires() {
        return statuses.stream().sorted().map(Wire::wire).toList();
    }

    /** The single status wanted, or null when several are (or all). */
    public S single() {
        return statuses.size() == 1 ? statuses.iterator().next() : null;
    }

    @Override
    public String toString() {
        return everything ? "all" : Arrays.toString(wires().toArray());
    }
}
