package huzhu.core.kernel;

import huzhu.core.error.Invalid;
import java.util.LinkedHashMap;
import java.util.Map;

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

    public void problem(String field, String key) {
        problems.putIfAbsent(field, key);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) throw new Invalid(problems);
    }
}
