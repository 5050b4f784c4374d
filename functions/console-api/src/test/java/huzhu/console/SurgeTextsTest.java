package huzhu.console;

import static huzhu.console.ConsoleResources.dictionaryKeys;
import static huzhu.console.ConsoleResources.file;
import static huzhu.console.ConsoleResources.textsUsedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The texts of a surge's banner and screen: the same keys in both languages, none of the other dictionaries', and
 * every text the screen asks for in a dictionary.
 */
class SurgeTextsTest {
    @Test
    void theSurgeDictionaries_haveTheSameKeys_eachOnce_andOverrideNothing() {
        // when
        List<String> zh = dictionaryKeys("texts/surge.zh-CN.js");
        List<String> en = dictionaryKeys("texts/surge.en.js");
        Set<String> others = new LinkedHashSet<>(dictionaryKeys("texts/zh-CN.js"));
        others.addAll(dictionaryKeys("texts/care.zh-CN.js"));
        others.addAll(dictionaryKeys("texts/union.zh-CN.js"));

        // then
        assertThat(zh).doesNotHaveDuplicates().isNotEmpty();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
        assertThat(zh).as("keys another dictionary has already").doesNotContainAnyElementsOf(others);
    }

    @Test
    void everyTextTheSurgeScreenAsksFor_isInADictionary() {
        // given
        Set<String> known = new LinkedHashSet<>(dictionaryKeys("texts/zh-CN.js"));
        known.addAll(dictionaryKeys("texts/surge.zh-CN.js"));

        // when
        Set<String> used = textsUsedBy("screens/surge.js");

        // then
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
        assertThat(file("router.js")).contains("'nav.surge'");
    }
}
