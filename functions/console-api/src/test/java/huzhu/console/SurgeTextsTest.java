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

/**
 * The texts of a surge's banner and screen: the same keys in both languages, none of the other dictionaries', and
 * every text the screen asks for in a dictionary.
 */
class SurgeTextsTest {
    private static final Pattern DICT_KEY = Pattern.compile("(?m)^\\s*'([^']+)':");
    private static final Pattern USED_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.\\-]+)'");

    private static String file(String name) throws IOException {
        try (InputStream in = SurgeTextsTest.class.getResourceAsStream("/huzhu/console/" + name)) {
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
    void theSurgeDictionaries_haveTheSameKeys_eachOnce_andOverrideNothing() throws IOException {
        // when
        List<String> zh = keys(file("texts/surge.zh-CN.js"));
        List<String> en = keys(file("texts/surge.en.js"));
        Set<String> others = new LinkedHashSet<>(keys(file("texts/zh-CN.js")));
        others.addAll(keys(file("texts/care.zh-CN.js")));
        others.addAll(keys(file("texts/union.zh-CN.js")));

        // then
        assertThat(zh).doesNotHaveDuplicates().isNotEmpty();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
        assertThat(zh).as("keys another dictionary has already").doesNotContainAnyElementsOf(others);
    }

    @Test
    void everyTextTheSurgeScreenAsksFor_isInADictionary() throws IOException {
        // given
        Set<String> known = new LinkedHashSet<>(keys(file("texts/zh-CN.js")));
        known.addAll(keys(file("texts/surge.zh-CN.js")));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = USED_KEY.matcher(file("screens/surge.js"));
        while (m.find()) used.add(m.group(1));

        // then
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
        assertThat(file("router.js")).contains("'nav.surge'");
    }
}
