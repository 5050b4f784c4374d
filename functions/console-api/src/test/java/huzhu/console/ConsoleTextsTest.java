package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's own texts and files: one dictionary per language with the same keys, every key the page
 * asks for present, and nothing fetched from outside the jar.
 */
class ConsoleTextsTest {
    private static final Pattern DICT_KEY = Pattern.compile("(?m)^\\s*'([^']+)':");
    private static final Pattern USED_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.\\-]+)'");

    private static String file(String name) throws IOException {
        try (InputStream in = ConsoleTextsTest.class.getResourceAsStream("/huzhu/console/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> keys(String dictionary) {
        List<String> keys = new ArrayList<>();
        Matcher m = DICT_KEY.matcher(dictionary);
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    @Test
    void theChineseAndEnglishDictionaries_haveTheSameKeys_eachOnce() throws IOException {
        // when
        List<String> zh = keys(file("i18n.zh-CN.js"));
        List<String> en = keys(file("i18n.en.js"));

        // then
        assertThat(zh).doesNotHaveDuplicates().hasSizeGreaterThan(200);
        assertThat(en).doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
    }

    @Test
    void everyTextThePageAsksFor_isInTheDictionary() throws IOException {
        // given
        Set<String> zh = new LinkedHashSet<>(keys(file("i18n.zh-CN.js")));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = USED_KEY.matcher(file("app.js"));
        while (m.find()) if (!m.group(1).endsWith(".")) used.add(m.group(1));

        // then
        assertThat(used).isNotEmpty();
        assertThat(zh).containsAll(used);
    }

    @Test
    void thePageDefaultsToChinese() throws IOException {
        assertThat(file("console.html")).contains("<html lang=\"zh-CN\">");
        assertThat(file("app.js")).contains(": 'zh-CN';");
    }

    @ParameterizedTest
    @ValueSource(strings = {"console.html", "app.js", "qr.js", "console.css", "i18n.zh-CN.js", "i18n.en.js"})
    void noFile_loadsAnythingFromOutsideTheJar(String name) throws IOException {
        // given
        String text = file(name);

        // then: no CDN, no remote font, no inline event handlers, no markup built from strings
        assertThat(text).doesNotContainPattern("(src|href)=\"https?://").doesNotContain("@import")
                .doesNotContain("url(http").doesNotContain("innerHTML").doesNotContainPattern("\\son[a-z]+=\"");
    }
}
