package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {
    private static final Html PAGE = Html.template(HtmlTest.class, "/huzhu/http/with-sections.html");

    @Test
    void aSection_isShownWhenItsValueIsThere_andItsInverseIsNot() {
        // when
        String page = PAGE.render(Language.ZH_CN, Map.of("name", "王", "number", "10690123"));

        // then
        assertThat(page).contains("<p>王</p>", "<a href=\"sms:10690123\">text us</a>")
                .doesNotContain("reply to our SMS", "{{");
    }

    @Test
    void anInvertedSection_isShownWhenTheValueIsMissing_andTheSectionIsNot() {
        // given
        Map<String, Object> values = new HashMap<>();
        values.put("name", "王");

        // when
        String page = PAGE.render(Language.ZH_CN, values);

        // then
        assertThat(page).contains("<p>reply to our SMS</p>").doesNotContain("sms:", "text us", "{{");
    }

    @Test
    void aPageStartingWithTheSharedHead_getsIt_inTheLanguageItIsRenderedIn() {
        // given
        Html page = Html.template(HtmlTest.class, "/huzhu/http/with-head.html");

        // when
        String en = page.render(Language.EN, Map.of("name", "Wang"));

        // then
        assertThat(en).startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n")
                .contains("<meta charset=\"utf-8\">", "<meta name=\"robots\" content=\"noindex\">\n<title>t</title>",
                        "<p>Wang</p>")
                .doesNotContain("{{");
        assertThat(page.render(Language.ZH_CN, Map.of())).contains("<html lang=\"zh-CN\">");
    }
}
