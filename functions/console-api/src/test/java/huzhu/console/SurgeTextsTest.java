package huzhu.console;

import static huzhu.console.ConsoleResources.dictionaryKeys;
import static huzhu.console.ConsoleResources.file;
import static huzhu.console.ConsoleResources.textsUsedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The texts of a surge's banner and screen: every text the screen asks for is in a dictionary (ConsoleTextsTest checks
 * the dictionaries' keys with the others').
 */
class SurgeTextsTest {
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
