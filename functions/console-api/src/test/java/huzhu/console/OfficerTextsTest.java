package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The officers' dictionaries: every key asked for by name is there (ConsoleTextsTest checks their keys with the others'). */
class OfficerTextsTest {
    @Test
    void theKeysAskedForByName_areThere() {
        // chosen at run time, so the page's t('…') calls do not show them
        assertThat(ConsoleResources.dictionaryKeys("texts/officers.zh-CN.js")).contains("alerts.on", "alerts.off", "alerts.opened", "alerts.red",
                "nav.roster", "fieldName.family.name", "fieldName.family.relation", "fieldName.family.phone",
                "fieldName.homeArea.city");
        assertThat(ConsoleResources.file("lib/i18n.js")).contains("from '../texts/officers.zh-CN.js';");
    }
}
