package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sheet a union submits to its provider: every template the provider sends, in its own syntax, within its rules. */
class RegistrationSheetTest {
    private static final Pattern TENCENT_PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void theAlibabaSheet_listsEveryTemplateItSends_inBothLanguages_withNamedPlaceholders_andNoLinks() {
        // when
        RegistrationSheet sheet = RegistrationSheet.of(SmsProvider.ALIYUN, "唐山市总工会");

        // then
        assertThat(sheet.rows()).extracting(RegistrationSheet.Row::template).contains("alert.noLink", "receipt",
                "intro.noLink", "notice").doesNotContain("alert", "intro.link", "notice.link");
        assertThat(sheet.rows()).hasSize(2 * (int) sheet.rows().stream().map(RegistrationSheet.Row::template).distinct().count());
        assertThat(sheet.rows()).allSatisfy(r -> {
            assertThat(r.text()).doesNotContain("{sig}", "http", "【");
            assertThat(r.sample()).startsWith("【唐山市总工会】").doesNotContain("{", "http");
            for (RegistrationSheet.Variable v : r.variables()) {
                assertThat(r.text()).contains("${" + v.name() + "}");
                assertThat(v.maxLength()).isBetween(1, 35);
            }
        });
        RegistrationSheet.Row alert = sheet.rows().stream().filter(r -> r.template().equals("alert.noLink")
                && r.language() == Language.ZH_CN).findFirst().orElseThrow();
        assertThat(alert.text()).isEqualTo("紧急求助${code}：${member}家（${address}）${type}：${message}。${reporter}报告。回复1接单，0无法前往。");
        assertThat(alert.templateRule()).isEqualTo("{\"code\":\"other_number2\",\"member\":\"name\",\"reporter\":\"name\"}");
    }

    @Test
    void theTencentSheet_numbersThePlaceholdersFromOne_inTheOrderOfEachLanguagesText() {
        // when
        RegistrationSheet sheet = RegistrationSheet.of(SmsProvider.TENCENT, "互助");

        // then
        for (RegistrationSheet.Row r : sheet.rows()) {
            List<Integer> numbers = new ArrayList<>();
            Matcher m = TENCENT_PLACEHOLDER.matcher(r.text());
            while (m.find()) numbers.add(Integer.parseInt(m.group(1)));
            assertThat(numbers).as(r.template()).hasSize(r.variables().size());
            for (int i = 0; i < numbers.size(); i++) assertThat(numbers.get(i)).isEqualTo(i + 1);
            assertThat(r.variables()).allSatisfy(v -> assertThat(v.maxLength()).isBetween(1, 12));
            assertThat(r.text()).doesNotContain("$");
        }
        RegistrationSheet.Row family = sheet.rows().stream().filter(r -> r.template().equals("accepted.family")
                && r.language() == Language.EN).findFirst().orElseThrow();
        assertThat(family.variables()).extracting(RegistrationSheet.Variable::name).containsExactly("name", "phone", "code");
        assertThat(family.sample()).contains("13900139000").doesNotContain("+86");
    }

    @Test
    void theSnsSheet_keepsTheLinks_forAnEndUserMessagingShortCodeRegistration() {
        // when
        RegistrationSheet sheet = RegistrationSheet.of(SmsProvider.SNS, "互助");

        // then
        assertThat(sheet.rows()).extracting(RegistrationSheet.Row::template).contains("alert", "alert.noLink", "intro.link");
    }

    @Test
    void theMarkdown_hasARowPerTemplateAndLanguage_andTheCsvParsesBackToTheSameCells() {
        // given
        RegistrationSheet sheet = RegistrationSheet.of(SmsProvider.ALIYUN, "互助");

        // when
        String md = sheet.markdown();
        List<List<String>> csv = parseCsv(sheet.csv());

        // then
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| 模板") && !l.startsWith("| ---")))
                .hasSize(sheet.rows().size());
        assertThat(csv).hasSize(sheet.rows().size() + 1);
        assertThat(csv.get(0)).containsExactly("provider", "template", "language", "use_case", "text", "variables",
                "template_rule", "sample");
        for (int i = 0; i < sheet.rows().size(); i++) {
            RegistrationSheet.Row r = sheet.rows().get(i);
            assertThat(csv.get(i + 1)).hasSize(8);
            assertThat(csv.get(i + 1).get(1)).isEqualTo(r.template());
            assertThat(csv.get(i + 1).get(4)).isEqualTo(r.text());
            assertThat(csv.get(i + 1).get(7)).isEqualTo(r.sample());
        }
    }

    /** RFC 4180: fields in quotes may hold commas, quotes (doubled) and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
