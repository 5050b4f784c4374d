package huzhu.core.kernel;

import java.util.Map;

/** Settings read from the environment at init: a malformed value fails at once, with a message naming it. */
public final class Env {
    private Env() {
    }

    /** A whole number from {@code min} to {@code max}; unset or blank: {@code fallback}. */
    public static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '"
                    + raw + "'", e);
        }
    }
}
