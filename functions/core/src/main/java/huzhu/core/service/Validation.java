package huzhu.core.service;

import huzhu.core.error.Invalid;
import huzhu.core.model.Language;
import huzhu.core.rules.PhoneNumbers;
import huzhu.core.rules.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every field problem of one request, so the person fixes them all at once. */
final class Validation {
    private final Map<String, String> problems = new LinkedHashMap<>();

    String text(String field, String value, int max, boolean required) {
        String cleaned = Text.clean(value);
        if (Text.blank(cleaned)) {
            if (required) problems.putIfAbsent(field, "invalid.required");
            return null;
        }
        if (cleaned.length() > max) problems.putIfAbsent(field, "invalid.tooLong");
        return cleaned;
    }

    String phone(String field, String value, boolean required) {
        if (Text.blank(value)) {
            if (required) problems.putIfAbsent(field, "invalid.required");
            return null;
        }
        return PhoneNumbers.normalize(value).orElseGet(() -> {
            problems.putIfAbsent(field, "invalid.phone");
            return null;
        });
    }

    Language language(String field, String value) {
        Language l = Language.of(value);
        if (l == null) problems.putIfAbsent(field, "invalid.language");
        return l == null ? Language.DEFAULT : l;
    }

    void range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            problems.putIfAbsent(field, "invalid.range");
        }
    }

    void problem(String field, String key) {
        problems.putIfAbsent(field, key);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) throw new Invalid(problems);
    }
}
