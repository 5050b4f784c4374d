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

/** The officers' dictionaries: the same keys in both languages, none the other dictionaries have, every one asked for there. */
class OfficerTextsTest {
    private static final Pattern DICT_KEY = Pattern.compile("(?m)^\\s*'([^']+)':");

    private static String file(String name) throws IOException {
        try (InputStream in = OfficerTextsTest.class.getResourceAsStream("/huzhu/console/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> keys(String name) throws IOException {
        List<String> keys = new ArrayList<>();
        Matcher m = DICT_KEY.matcher(file(name));
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    @Test
    void theChineseAndEnglishDictionaries_haveTheSameKeys_eachOnce_andOverrideNothing() throws IOException {
        List<String> zh = keys("texts/officers.zh-CN.js");
        Set<String> others = new LinkedHashSet<>(keys("texts/zh-CN.js"));
        others.addAll(keys("texts/care.zh-CN.js"));

        assertThat(zh).doesNotHaveDuplicates().hasSizeGreaterThan(100);
        assertThat(new LinkedHashSet<>(keys("texts/officers.en.js"))).isEqualTo(new LinkedHashSet<>(zh));
        assertThat(zh).doesNotContainAnyElementsOf(others);
    }

    @Test
    void theKeysAskedForByName_areThere() throws IOException {
        // chosen at run time, so the page's t('…') calls do not show them
        assertThat(keys("texts/officers.zh-CN.js")).contains("alerts.on", "alerts.off", "alerts.opened", "alerts.red",
                "nav.roster", "fieldName.family.name", "fieldName.family.relation", "fieldName.family.phone",
                "fieldName.homeArea.city");
        assertThat(file("lib/i18n.js")).contains("from '../texts/officers.zh-CN.js';");
    }
}
