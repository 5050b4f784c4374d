package huzhu.core.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every text a person reads, from the bundles {@code huzhu/core/messages_zh_CN.properties} and
 * {@code messages_en.properties} (UTF-8). Placeholders are {@code {name}}; a missing key falls back to
 * Chinese, then to the key itself, so a gap in a bundle never hides a message. A part that keeps texts of its own
 * in bundles beside its classes reads them as a {@link Bundle}, with the same rules.
 */
public final class Messages {
    private static final Bundle CORE = bundle("/huzhu/core/messages");

    private Messages() {
    }

    public static String text(Language language, String key) {
        return text(language, key, Map.of());
    }

    public static String text(Language language, String key, Map<String, ?> args) {
        return CORE.text(language, key, args);
    }

    /** Chinese first, English second, for texts that cannot know their reader's language. */
    public static String bilingual(String key, Map<String, ?> args) {
        return CORE.bilingual(key, args);
    }

    public static boolean has(Language language, String key) {
        return CORE.has(language, key);
    }

    /**
     * The bundle {@code base}{@code _zh_CN.properties} and {@code base}{@code _en.properties} on the class path
     * ({@code base} an absolute resource name without the language, e.g. {@code /huzhu/local/text}).
     */
    public static Bundle bundle(String base) {
        return new Bundle(base);
    }

    /** One pair of language files, filled and falling back as {@link Messages} does. */
    public static final class Bundle {
        private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

        private Bundle(String base) {
            for (Language language : Language.values()) texts.put(language, load(base + "_" + language.locale()));
        }

        public String text(Language language, String key, Map<String, ?> args) {
            Language lang = language == null ? Language.DEFAULT : language;
            String pattern = texts.get(lang).getProperty(key);
            if (pattern == null) pattern = texts.get(Language.ZH_CN).getProperty(key, key);
            return fill(pattern, args);
        }

        /** Chinese first, English second, for texts that cannot know their reader's language. */
        public String bilingual(String key, Map<String, ?> args) {
            String zh = text(Language.ZH_CN, key, args);
            String en = text(Language.EN, key, args);
            return zh.equals(en) ? zh : zh + " / " + en;
        }

        public boolean has(Language language, String key) {
            return texts.get(language).containsKey(key);
        }
    }

    static String fill(String pattern, Map<String, ?> args) {
        if (args.isEmpty() || pattern.indexOf('{') < 0) return pattern;
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            String name = pattern.substring(open + 1, close);
            out.append(pattern, i, open);
            if (args.containsKey(name)) {
                Object v = args.get(name);
                out.append(v == null ? "" : v);
            } else {
                out.append(pattern, open, close + 1);
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name + ".properties")) {
            if (in == null) throw new IllegalStateException("message bundle missing: " + name + ".properties");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
