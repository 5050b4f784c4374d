package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console's files as the browser gets them, and the keys of its dictionaries and of the texts a screen asks for. */
final class ConsoleResources {
    private static final Pattern DICT_KEY = Pattern.compile("(?m)^\\s*'([^']+)':");
    private static final Pattern USED_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.\\-]+)'");
    private static final Pattern USED_WORD = Pattern.compile("\\bword\\('([a-z]+)', '([A-Za-z0-9\\-]+)'\\)");

    private ConsoleResources() {
    }

    /** A file under the console's root, e.g. {@code texts/zh-CN.js}. */
    static String file(String name) {
        try (InputStream in = ConsoleResources.class.getResourceAsStream("/huzhu/console/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys a dictionary file defines, in order (duplicates kept, so a test can see them). */
    static List<String> dictionaryKeys(String name) {
        List<String> keys = new ArrayList<>();
        Matcher m = DICT_KEY.matcher(file(name));
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    /**
     * The keys a screen asks {@code t('…')} for by name; a key ending in a dot is a prefix the screen completes at run
     * time ({@code t('status.' + s)}) and is left out.
     */
    static Set<String> textsUsedBy(String screen) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = USED_KEY.matcher(file(screen));
        while (m.find()) if (!m.group(1).endsWith(".")) used.add(m.group(1));
        return used;
    }

    /** The keys of the wire words a screen shows through {@code word('kind', 'value')}: {@code kind.value}. */
    static Set<String> wordsUsedBy(String screen) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = USED_WORD.matcher(file(screen));
        while (m.find()) used.add(m.group(1) + "." + m.group(2));
        return used;
    }
}
