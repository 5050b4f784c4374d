package huzhu.core.kernel;

import huzhu.core.error.Invalid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Collects every field problem of one request, so the person fixes them all at once. */
public final class Validation {
    private final Map<String, String> problems = new LinkedHashMap<>();

    /** A request's one text field: cleaned, or {@link Invalid} naming it (see {@link #text}). */
    public static String onlyText(String field, String value, int max, boolean required) {
        Validation v = new Validation();
        String cleaned = v.text(field, value, max, required);
        v.throwIfAny();
        return cleaned;
    }

    public String text(String field, String value, int max, boolean required) {
        String cleaned = Text.clean(value);
        if (Text.blank(cleaned)) {
            if (required) problems.putIfAbsent(field, "invalid.required");
            return null;
        }
        if (cleaned.length() > max) problems.putIfAbsent(field, "invalid.tooLong");
        return cleaned;
    }

    public String phone(String field, String value, boolean required) {
        if (Text.blank(value)) {
            if (required) problems.putIfAbsent(field, "invalid.required");
            return null;
        }
        return PhoneNumbers.normalize(value).orElseGet(() -> {
            problems.putIfAbsent(field, "invalid.phone");
            return null;
        });
    }

    /** A calendar day as ISO-8601 ({@code 2026-03-02}); null when blank or not a day. */
    public LocalDate date(String field, String value, boolean required) {
        if (Text.blank(value)) {
            if (required) problems.putIfAbsent(field, "invalid.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.putIfAbsent(field, "invalid.date");
            return null;
        }
    }

    /** A request's {@code Idempotency-Key} header (optional) is at most {@code max} characters. */
    public void idempotencyKey(String key, int max) {
        if (!Text.blank(key) && key.length() > max) problems.putIfAbsent("Idempotency-Key", "invalid.tooLong");
    }

    public Language language(String field, String value) {
        Language l = Language.of(value);
        if (l == null) problems.putIfAbsent(field, "invalid.language");
        return l == null ? Language.DEFAULT : l;
    }

    public void range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            problems.putIfAbsent(field, "invalid.range");
        }
    }

    /**
     * A list field of at most {@code max} items (none when {@code given} is null): each is checked by {@code item}
     * under its own name ({@code field[i]}) and left out when {@code item} returns null. More than {@code max} is a
     * problem of the list itself; the first {@code max} are still checked, so every problem is told at once.
     */
    public <T, R> List<R> list(String field, List<T> given, int max, BiFunction<String, T, R> item) {
        List<T> items = given == null ? List.of() : given;
        if (items.size() > max) problems.putIfAbsent(field, "invalid.range");
        List<R> checked = new ArrayList<>();
        for (int i = 0; i < Math.min(items.size(), max); i++) {
            R r = item.apply(field + "[" + i + "]", items.get(i));
            if (r != null) checked.add(r);
        }
        return checked;
    }

    /** A list of entries (objects) as {@link #list}, where a missing (null) entry is itself a problem. */
    public <T, R> List<R> entries(String field, List<T> given, int max, BiFunction<String, T, R> entry) {
        return list(field, given, max, (at, e) -> {
            if (e == null) {
                problems.putIfAbsent(at, "invalid.required");
                return null;
            }
            return entry.apply(at, e);
        });
    }

    /** A list of texts as {@link #list}, each cleaned as {@link #text}; blank ones are left out. */
    public List<String> texts(String field, List<String> given, int max, int maxLength, boolean required) {
        return list(field, given, max, (at, value) -> text(at, value, maxLength, required));
    }

    public void problem(String field, String key) {
        problems.putIfAbsent(field, key);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) throw new Invalid(problems);
    }
}
