package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console's own texts and files: one dictionary per language with the same keys, every key the page
 * asks for present, every module served, and nothing fetched from outside the jar.
 */
class ConsoleTextsTest {
    /** The Chinese dictionaries, the page's own first. */
    private static final List<String> DICTIONARIES = List.of("zh-CN", "care.zh-CN", "officers.zh-CN", "union.zh-CN",
            "surge.zh-CN");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import .* from '([^']+)';$");

    /**
     * Each dictionary of the page (its own, then those of the care, officers', union and surge screens): the same keys in
     * Chinese and English, each once, and none that another dictionary has (a later one would silently override it).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"zh-CN, en, 200", "care.zh-CN, care.en, 0", "officers.zh-CN, officers.en, 100",
            "union.zh-CN, union.en, 0", "surge.zh-CN, surge.en, 0"})
    void eachDictionary_hasTheSameKeysInChineseAndEnglish_eachOnce_andNoneAnotherHas(String chinese, String english,
            int moreThan) {
        // given
        Set<String> others = new LinkedHashSet<>();
        for (String other : DICTIONARIES) {
            if (!other.equals(chinese)) others.addAll(ConsoleResources.dictionaryKeys("texts/" + other + ".js"));
        }

        // when
        List<String> zh = ConsoleResources.dictionaryKeys("texts/" + chinese + ".js");
        List<String> en = ConsoleResources.dictionaryKeys("texts/" + english + ".js");

        // then
        assertThat(zh).doesNotHaveDuplicates().hasSizeGreaterThan(moreThan);
        assertThat(en).doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
        assertThat(zh).as("keys another dictionary has already").doesNotContainAnyElementsOf(others);
    }

    @Test
    void everyTextThePageAsksFor_isInTheDictionary() {
        // given
        Set<String> zh = new LinkedHashSet<>();
        for (String dictionary : DICTIONARIES) {
            zh.addAll(ConsoleResources.dictionaryKeys("texts/" + dictionary + ".js"));
        }
        Set<String> used = new LinkedHashSet<>();
        for (String module : scripts()) used.addAll(ConsoleResources.textsUsedBy(module));

        // then
        assertThat(used).hasSizeGreaterThan(300);
        assertThat(zh).containsAll(used);
    }

    @Test
    void thePageDefaultsToChinese() {
        assertThat(ConsoleResources.file("console.html")).contains("<html lang=\"zh-CN\">");
        assertThat(ConsoleResources.file("lib/i18n.js")).contains(": 'zh-CN';");
    }

    @Test
    void everyModuleInTheFolder_isServed_andEveryServedModuleIsThere() throws Exception {
        // given the folder as the build copied it
        Path folder = Path.of(ConsoleTextsTest.class.getResource("/huzhu/console/app.js").toURI()).getParent();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(folder)) {
            onDisk = files.filter(f -> f.toString().endsWith(".js")).map(f -> folder.relativize(f).toString()
                    .replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }

        // then
        assertThat(new TreeSet<>(ConsoleAssets.MODULES)).isEqualTo(onDisk);
        assertThat(ConsoleAssets.MODULES).first().isEqualTo("app.js");
    }

    @Test
    void everyModule_importsOnlyModulesOfThePage_byRelativePath() {
        for (String module : ConsoleAssets.MODULES) {
            Matcher m = IMPORT.matcher(ConsoleResources.file(module));
            while (m.find()) {
                String target = m.group(1);
                assertThat(target).as(module).matches("\\.\\.?/.*\\.js");
                String resolved = Path.of(module).resolveSibling(target).normalize().toString().replace('\\', '/');
                assertThat(ConsoleAssets.MODULES).as(module + " imports " + target).contains(resolved);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pageFiles")
    void noFile_loadsAnythingFromOutsideTheJar(String name) {
        // given
        String text = ConsoleResources.file(name);

        // then: no CDN, no remote font, no inline event handlers, no markup built from strings
        assertThat(text).doesNotContainPattern("(src|href)=\"https?://").doesNotContain("@import")
                .doesNotContain("url(http").doesNotContain("innerHTML").doesNotContainPattern("\\son[a-z]+=\"")
                .doesNotContainPattern("import\\(").doesNotContain("eval(");
    }

    static Stream<String> pageFiles() {
        return Stream.concat(Stream.of("console.html", "console.css", "pages/notice.html"), ConsoleAssets.MODULES.stream());
    }

    /** The modules that draw the page (the dictionaries aside). */
    private static List<String> scripts() {
        return ConsoleAssets.MODULES.stream().filter(m -> !m.startsWith("texts/")).toList();
    }
}
