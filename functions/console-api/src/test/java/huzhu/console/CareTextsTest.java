package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The texts of the care screens (notices, applications, a member's introductions): every text and wire word the screens
 * ask for is in a dictionary (ConsoleTextsTest checks the dictionaries' keys and files with the rest).
 */
class CareTextsTest {
    @Test
    void everyTextTheCareScreensAskFor_isInADictionary() {
        // given
        Set<String> known = new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/zh-CN.js"));
        known.addAll(ConsoleResources.dictionaryKeys("texts/care.zh-CN.js"));
        known.addAll(ConsoleResources.dictionaryKeys("texts/officers.zh-CN.js"));
        Set<String> used = new LinkedHashSet<>();
        for (String screen : List.of("screens/notices.js", "screens/applications.js", "screens/member-care.js")) {
            used.addAll(ConsoleResources.textsUsedBy(screen));
            used.addAll(ConsoleResources.wordsUsedBy(screen));
        }
        // built from the step's name: 'apps.do.' + step, 'apps.done.' + step
        for (String step : List.of("review", "approve", "reject", "pay")) {
            used.add("apps.do." + step);
            used.add("apps.done." + step);
        }
        used.add("notices.scheduled");
        used.add("notices.saved");

        // then
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(known).containsAll(used);
    }

    @Test
    void everyWordTheCareScreensShow_hasItsTranslation() {
        // given the wire words the API answers with
        Set<String> zh = new LinkedHashSet<>(ConsoleResources.dictionaryKeys("texts/care.zh-CN.js"));
        List<String> expected = new ArrayList<>();
        for (String s : List.of("draft", "scheduled", "sending", "sent", "cancelled")) expected.add("nstatus." + s);
        for (String s : List.of("pending", "sending", "sent", "failed")) {
            expected.add("dstatus." + s);
            expected.add("istatus." + s);
        }
        for (String s : List.of("submitted", "reviewed", "approved", "rejected", "paid")) expected.add("astatus." + s);
        for (String s : List.of("hardship", "medical", "bereavement", "education", "disaster", "other")) {
            expected.add("akind." + s);
        }
        for (String s : List.of("all-members", "unit", "volunteers", "leaders", "family-contacts")) {
            expected.add("audience." + s);
        }
        for (String s : List.of("member", "family", "volunteer", "leader", "unknown")) expected.add("pkind." + s);
        for (String s : List.of("introduce", "introduce-all", "send", "review", "approve", "reject", "pay")) {
            expected.add("did." + s);
        }

        // then
        assertThat(zh).containsAll(expected);
    }

    @Test
    void thePagesTexts_includeTheCareScreensDictionaries() {
        assertThat(ConsoleResources.file("lib/i18n.js")).contains("from '../texts/care.zh-CN.js';")
                .contains("from '../texts/care.en.js';");
    }
}
