package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The texts of the union's own screens (bereavements, care rounds, contact changes, the guide, the work group): their
 * dictionaries have the same keys in both languages and override none of the page's, and every text and wire word
 * those screens ask for is in a dictionary.
 */
class UnionTextsTest {
    private static final Pattern USED_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.\\-]+)'");
    private static final Pattern WORD = Pattern.compile("\\bword\\('([a-z]+)', '([A-Za-z0-9\\-]+)'\\)");
    private static final List<String> SCREENS = List.of("screens/bereavement.js", "screens/rounds.js",
            "screens/contact-requests.js", "screens/guide.js", "screens/work-group.js");

    @Test
    void theChineseAndEnglishDictionaries_haveTheSameKeys_eachOnce_andOverrideNothing() throws IOException {
        // when
        List<String> zh = ConsoleResources.dictionaryKeys("texts/union.zh-CN.js");
        List<String> en = ConsoleResources.dictionaryKeys("texts/union.en.js");
        Set<String> others = new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/zh-CN.js"));
        others.addAll(ConsoleResources.dictionaryKeys("texts/care.zh-CN.js"));

        // then
        assertThat(zh).doesNotHaveDuplicates().isNotEmpty();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
        assertThat(zh).as("keys another dictionary has already").doesNotContainAnyElementsOf(others);
    }

    @Test
    void everyTextAndWordTheScreensAskFor_isInADictionary() throws IOException {
        // given
        Set<String> known = new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/zh-CN.js"));
        known.addAll(ConsoleResources.dictionaryKeys("texts/care.zh-CN.js"));
        known.addAll(ConsoleResources.dictionaryKeys("texts/union.zh-CN.js"));
        StringBuilder js = new StringBuilder();
        for (String screen : SCREENS) js.append(ConsoleResources.file(screen));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = USED_KEY.matcher(js);
        while (m.find()) if (!m.group(1).endsWith(".")) used.add(m.group(1));
        Matcher w = WORD.matcher(js);
        while (w.find()) used.add(w.group(1) + "." + w.group(2));
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
