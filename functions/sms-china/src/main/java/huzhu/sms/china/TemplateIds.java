package huzhu.sms.china;

import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsCatalogue;
import huzhu.core.sms.SmsProvider;
import huzhu.core.sms.SmsTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider's id of each approved template (Alibaba {@code SMS_…} code, Tencent number), by catalogue name and
 * language, as the union filled them in after registering the generated sheet: {@code {"alert.noLink":
 * {"zh-CN":"SMS_1","en":"SMS_2"}, "receipt":"SMS_3"}} (a plain id is the Chinese template).
 */
public final class TemplateIds {
    private final Map<String, Map<Language, String>> ids;

    private TemplateIds(Map<String, Map<Language, String>> ids) {
        this.ids = Collections.unmodifiableMap(ids);
    }

    /** @throws IllegalArgumentException when {@code json} is not that shape or names a template the catalogue lacks */
    public static TemplateIds parse(String json) {
        Map<String, Object> top = JsonText.object(JsonText.parse(json));
        if (top == null) throw new IllegalArgumentException("templates must be a JSON object");
        return of(top);
    }

    static TemplateIds of(Map<String, Object> top) {
        Map<String, Map<Language, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : top.entrySet()) {
            if (SmsCatalogue.find(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("templates: no catalogue template named " + e.getKey());
            }
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            Map<String, Object> perLanguage = JsonText.object(e.getValue());
            if (perLanguage == null) {
                byLanguage.put(Language.ZH_CN, id(e.getKey(), e.getValue()));
            } else {
                for (Map.Entry<String, Object> l : perLanguage.entrySet()) {
                    Language lang = Language.of(l.getKey());
                    if (lang == null) throw new IllegalArgumentException("templates." + e.getKey() + ": language " + l.getKey());
                    byLanguage.put(lang, id(e.getKey(), l.getValue()));
                }
            }
            out.put(e.getKey(), byLanguage);
        }
        return new TemplateIds(out);
    }

    /** Every template the provider sends, in both languages, under its own catalogue name (a stand-in takes any). */
    public static TemplateIds namesAsIds(SmsProvider provider) {
        Map<String, Map<Language, String>> out = new LinkedHashMap<>();
        for (SmsTemplate t : sent(provider)) {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            for (Language l : Language.values()) byLanguage.put(l, t.name() + "." + l.wire());
            out.put(t.name(), byLanguage);
        }
        return new TemplateIds(out);
    }

    public Optional<String> id(String template, Language language) {
        return Optional.ofNullable(ids.getOrDefault(template, Map.of()).get(language));
    }

    /** The templates the provider sends that have no Chinese id yet: what a union still has to register. */
    public List<String> missing(SmsProvider provider) {
        List<String> out = new ArrayList<>();
        for (SmsTemplate t : sent(provider)) {
            if (id(t.name(), Language.ZH_CN).isEmpty()) out.add(t.name());
        }
        return out;
    }

    private static Set<SmsTemplate> sent(SmsProvider provider) {
        Set<SmsTemplate> out = new LinkedHashSet<>();
        for (SmsTemplate t : SmsCatalogue.all()) SmsCatalogue.forProvider(t, provider).ifPresent(out::add);
        return out;
    }

    private static String id(String template, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("templates." + template + " must be the provider's template id");
        }
        return s.strip();
    }
}
