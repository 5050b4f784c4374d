package huzhu.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Texts of the local stack itself (configuration and server errors), from
 * {@code huzhu/local/text_zh_CN.properties} and {@code text_en.properties}: Chinese first, English second.
 * The API's own error texts come from the core bundles ({@link huzhu.core.kernel.Messages}).
 */
final class LocalText {
    private static final Properties ZH = load("text_zh_CN.properties");
    private static final Properties EN = load("text_en.properties");

    private LocalText() {
    }

    static String bilingual(String key, Map<String, ?> args) {
        return fill(ZH.getProperty(key, key), args) + " / " + fill(EN.getProperty(key, key), args);
    }

    private static String fill(String pattern, Map<String, ?> args) {
        String out = pattern;
        for (Map.Entry<String, ?> arg : args.entrySet()) {
            out = out.replace("{" + arg.getKey() + "}", String.valueOf(arg.getValue()));
        }
        return out;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = LocalText.class.getResourceAsStream("/huzhu/local/" + name)) {
            if (in == null) throw new IllegalStateException("text bundle missing: " + name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
