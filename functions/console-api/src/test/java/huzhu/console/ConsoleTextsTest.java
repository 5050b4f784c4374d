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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console's own texts and files: one dictionary per language with the same keys, every key the page
 * asks for present, every module served, and nothing fetched from outside the jar.
 */
class ConsoleTextsTest {
    private static final Pattern IMPORT = Pattern.compile("(?m)^import .* from '([^']+)';$");

    @Test
    void theChineseAndEnglishDictionaries_haveTheSameKeys_eachOnce() {
        // when
        List<String> zh = ConsoleResources.dictionaryKeys("texts/zh-CN.js");
        List<String> en = ConsoleResources.dictionaryKeys("texts/en.js");

        // then
        assertThat(zh).doesNotHaveDuplicates().hasSizeGreaterThan(200);
        assertThat(en).doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
    }

    @Test
    void everyTextThePageAsksFor_isInTheDictionary() {
        // given
        Set<String> zh = new LinkedHashSet<>();
        for (String dictionary : List.of("zh-CN", "care.zh-CN", "officers.zh-CN", "union.zh-CN", "surge.zh-CN")) {
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
