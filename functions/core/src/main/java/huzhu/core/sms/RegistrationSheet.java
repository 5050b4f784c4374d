package huzhu.core.sms;

import huzhu.core.kernel.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a union submits to its SMS provider, generated from the catalogue: each template the provider sends, per
 * language, with its text in the provider's placeholder syntax (Alibaba {@code ${code}}, Tencent {@code {1}}, End
 * User Messaging {@code ${code}}), each variable's type and maximum length, the use case and a sample as the phone
 * shows it. As Markdown (to read) or CSV (to fill in a spreadsheet).
 */
public final class RegistrationSheet {
    /** One template in one language, as it is registered. */
    public record Row(String template, Language language, String useCase, String text, List<Variable> variables,
            String templateRule, String sample) {
    }

    /** One variable of a row: its placeholder, type, longest value, and the property to pick in the console. */
    public record Variable(String placeholder, String name, VariableType type, int maxLength) {
    }

    private final SmsProvider provider;
    private final List<Row> rows;

    private RegistrationSheet(SmsProvider provider, List<Row> rows) {
        this.provider = provider;
        this.rows = List.copyOf(rows);
    }

    /** @param signName the union's approved signature (without 【】), shown in the samples */
    public static RegistrationSheet of(SmsProvider provider, String signName) {
        SmsComposer composer = provider.templatesOnly() ? SmsComposer.forProvider(provider, signName)
                : new SmsComposer("【" + signName + "】");
        Set<SmsTemplate> sent = new LinkedHashSet<>();
        for (SmsTemplate t : SmsCatalogue.all()) SmsCatalogue.forProvider(t, provider).ifPresent(sent::add);
        List<Row> rows = new ArrayList<>();
        for (SmsTemplate t : sent) {
            for (Language lang : List.of(Language.ZH_CN, Language.EN)) rows.add(row(t, lang, provider, composer));
        }
        return new RegistrationSheet(provider, rows);
    }

    public SmsProvider provider() {
        return provider;
    }

    public List<Row> rows() {
        return rows;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# 短信模板报备表 / SMS template registration sheet — ").append(provider.wire()).append("\n\n");
        out.append(switch (provider) {
            case ALIYUN -> "阿里云短信服务 > 国内消息 > 模板管理：每行申请一个“通知短信”模板，变量属性按下表选择；"
                    + "审核通过后把模板 CODE 填入密钥的 templates。/ Alibaba Cloud SMS > Chinese Mainland > Templates: one "
                    + "notification template per row, variable properties as listed; put each approved CODE in the "
                    + "secret's templates.\n\n";
            case TENCENT -> "腾讯云短信 > 国内短信 > 正文模板管理：每行创建一个“普通短信”模板（变量按 {1}{2}… 顺序）；审核通过后把模板 ID "
                    + "填入密钥的 templates。/ Tencent Cloud SMS > Chinese Mainland SMS > Body templates: one regular "
                    + "template per row ({1}, {2}… in order); put each approved template ID in the secret's templates.\n\n";
            case SNS -> "AWS End User Messaging 中国短代码报备（支持工单）：每行一个模板。/ AWS End User Messaging China "
                    + "short-code registration (support case): one template per row.\n\n";
        });
        out.append("| 模板 template | 语言 language | 用途 use case | 模板内容 text | 变量 variables | 示例 sample |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            StringJoiner vars = new StringJoiner("<br>");
            for (Variable v : r.variables()) vars.add(describe(v));
            if (r.templateRule() != null) vars.add("TemplateRule: `" + r.templateRule() + "`");
            out.append("| ").append(cell(r.template())).append(" | ").append(r.language().wire()).append(" | ")
                    .append(cell(r.useCase())).append(" | ").append(cell(r.text())).append(" | ")
                    .append(vars.length() == 0 ? "—" : vars.toString()).append(" | ").append(cell(r.sample()))
                    .append(" |\n");
        }
        return out.toString();
    }

    public String csv() {
        StringBuilder out = new StringBuilder("provider,template,language,use_case,text,variables,template_rule,sample\n");
        for (Row r : rows) {
            StringJoiner vars = new StringJoiner("; ");
            for (Variable v : r.variables()) vars.add(describe(v));
            out.append(String.join(",", csv(provider.wire()), csv(r.template()), csv(r.language().wire()),
                    csv(r.useCase()), csv(r.text()), csv(vars.toString()), csv(r.templateRule() == null ? "" : r.templateRule()),
                    csv(r.sample()))).append('\n');
        }
        return out.toString();
    }

    private static Row row(SmsTemplate t, Language lang, SmsProvider provider, SmsComposer composer) {
        String text = t.registeredText(lang);
        List<Variable> vars = new ArrayList<>();
        Map<String, String> rule = new LinkedHashMap<>();
        int n = 0;
        for (String name : t.order(lang)) {
            SmsVariable v = t.variable(name).orElseThrow();
            String placeholder = provider == SmsProvider.TENCENT ? "{" + (++n) + "}" : "${" + name + "}";
            text = text.replace("{" + name + "}", placeholder);
            vars.add(new Variable(placeholder, name, v.type(), v.maxLength(provider)));
            if (v.type().aliyunRule() != null) rule.put(name, v.type().aliyunRule());
        }
        Map<String, Object> samples = new LinkedHashMap<>();
        for (SmsVariable v : t.variables()) samples.put(v.name(), sample(v, lang));
        String useCase = lang == Language.EN ? t.useCaseEn() : t.useCaseZh();
        String templateRule = provider == SmsProvider.ALIYUN && !rule.isEmpty() ? json(rule) : null;
        return new Row(t.name(), lang, useCase, text, vars, templateRule, composer.render(lang, t.name(), samples).text());
    }

    private static String sample(SmsVariable v, Language lang) {
        if (v.name().equals("reporter")) return lang == Language.EN ? "Wang Defu (father)" : "父亲王德福";
        if (v.name().equals("contact")) return lang == Language.EN ? "Wang Defu" : "王德福";
        if (v.name().equals("phone") || v.name().equals("reporterPhone")) return "+8613900139000";
        if (v.name().equals("number")) return "10690000";
        if (v.name().equals("title")) return lang == Language.EN ? "Heat warning" : "防暑提醒";
        if (v.name().equals("reason")) return lang == Language.EN ? "false alarm" : "误报";
        return v.type().sample(lang);
    }

    private String describe(Variable v) {
        String property = provider == SmsProvider.ALIYUN ? "，变量属性：" + v.type().aliyunProperty() : "";
        return v.placeholder() + (provider == SmsProvider.TENCENT ? " " + v.name() : "") + "：" + v.type().labelZh()
                + " / " + v.type().labelEn() + "，≤ " + v.maxLength() + property;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", "<br>");
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf(';') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String json(Map<String, String> m) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, String> e : m.entrySet()) j.add("\"" + e.getKey() + "\":\"" + e.getValue() + "\"");
        return j.toString();
    }
}
