package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The officers' dictionaries: the same keys in both languages, none the other dictionaries have, every one asked for there. */
class OfficerTextsTest {
    @Test
    void theChineseAndEnglishDictionaries_haveTheSameKeys_eachOnce_andOverrideNothing() {
        List<String> zh = ConsoleResources.dictionaryKeys("texts/officers.zh-CN.js");
        Set<String> others = new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/zh-CN.js"));
        others.addAll(ConsoleResources.dictionaryKeys("texts/care.zh-CN.js"));

        assertThat(zh).doesNotHaveDuplicates().hasSizeGreaterThan(100);
        assertThat(new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/officers.en.js"))).isEqualTo(new LinkedHashSet<>(zh));
        assertThat(zh).doesNotContainAnyElementsOf(others);
    }

    @Test
    void theKeysAskedForByName_areThere() {
        // chosen at run time, so the page's t('…') calls do not show them
        assertThat(ConsoleResources.dictionaryKeys("texts/officers.zh-CN.js")).contains("alerts.on", "alerts.off", "alerts.opened", "alerts.red",
                "nav.roster", "fieldName.family.name", "fieldName.family.relation", "fieldName.family.phone",
                "fieldName.homeArea.city");
        assertThat(ConsoleResources.file("lib/i18n.js")).contains("from '../texts/officers.zh-CN.js';");
    }
}
