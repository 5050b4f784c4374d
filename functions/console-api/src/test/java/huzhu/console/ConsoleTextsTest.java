package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final Pattern DICT_KEY = Pattern.compile("(?m)^\\s*'([^']+)':");
    private static final Pattern USED_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.\\-]+)'");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import .* from '([^']+)';$");

    private static String file(String name) throws IOException {
        try (InputStream in = ConsoleTextsTest.class.getResourceAsStream("/huzhu/console/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> keys(String dictionary) {
        List<String> keys = new ArrayList<>();
        Matcher m = DICT_KEY.matcher(dictionary);
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    @Test
    void theChineseAndEnglishDictionaries_haveTheSameKeys_eachOnce() throws IOException {
        // when
        List<String> zh = keys(file("texts/zh-CN.js"));
        List<String> en = keys(file("texts/en.js"));

        // then
        assertThat(zh).doesNotHaveDuplicates().hasSizeGreaterThan(200);
        assertThat(en).doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(en)).isEqualTo(new LinkedHashSet<>(zh));
    }

    @Test
    void everyTextThePageAsksFor_isInTheDictionary() throws IOException {
        // given
        Set<String> zh = new LinkedHashSet<>(keys(file("texts/zh-CN.js")));
        zh.addAll(keys(file("texts/care.zh-CN.js")));
        zh.addAll(keys(file("texts/officers.zh-CN.js")));
        zh.addAll(keys(file("texts/union.zh-CN.js")));
        Set<String> used = new LinkedHashSet<>();
        for (String module : scripts()) {
            Matcher m = USED_KEY.matcher(file(module));
            while (m.find()) if (!m.group(1).endsWith(".")) used.add(m.group(1));
        }

        // then
        assertThat(used).hasSizeGreaterThan(300);
        assertThat(zh).containsAll(used);
    }

    @Test
    void thePageDefaultsToChinese() throws IOException {
        assertThat(file("console.html")).contains("<html lang=\"zh-CN\">");
        assertThat(file("lib/i18n.js")).contains(": 'zh-CN';");
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
    void everyModule_importsOnlyModulesOfThePage_byRelativePath() throws IOException {
        for (String module : ConsoleAssets.MODULES) {
            Matcher m = IMPORT.matcher(file(module));
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
    void noFile_loadsAnythingFromOutsideTheJar(String name) throws IOException {
        // given
        String text = file(name);

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
