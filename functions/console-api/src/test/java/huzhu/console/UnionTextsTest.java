package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The texts of the union's own screens (bereavements, care rounds, contact changes, the guide, the work group): every
 * text and wire word those screens ask for is in a dictionary (ConsoleTextsTest checks the dictionaries' keys).
 */
class UnionTextsTest {
    private static final List<String> SCREENS = List.of("screens/bereavement.js", "screens/rounds.js",
            "screens/contact-requests.js", "screens/guide.js", "screens/work-group.js");

    @Test
    void everyTextAndWordTheScreensAskFor_isInADictionary() {
        // given
        Set<String> known = new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/zh-CN.js"));
        known.addAll(ConsoleResources.dictionaryKeys("texts/care.zh-CN.js"));
        known.addAll(ConsoleResources.dictionaryKeys("texts/union.zh-CN.js"));
        Set<String> used = new LinkedHashSet<>();
        for (String screen : SCREENS) {
            used.addAll(ConsoleResources.textsUsedBy(screen));
            used.addAll(ConsoleResources.wordsUsedBy(screen));
        }
        // built from wire words: the audiences, the statuses, the actions, the kinds, the groups
        for (String a : List.of("all-members", "unit", "members")) used.add("rounds.audience." + a);
        for (String s : List.of("pending", "approved", "rejected", "all")) used.add("crstatus." + s);
        for (String a : List.of("add", "change", "remove")) used.add("craction." + a);
        for (String k : List.of("visit", "safety-check", "assistance", "bereavement")) used.add("followup." + k);
        for (String g : List.of("union-work-group", "leaders-group")) used.add("group." + g);

        // then
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(known).containsAll(used);
    }
}
