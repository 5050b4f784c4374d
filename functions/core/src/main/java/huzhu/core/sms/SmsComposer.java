package huzhu.core.sms;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only renderer of outbound SMS: a {@link SmsCatalogue} template, the reader's language and the values of its
 * variables become a {@link RenderedSms}. Each value is prepared for its type and cut to its maximum length (for
 * the provider this composer renders for); when the whole would still not fit {@link #MAX_SEGMENTS} segments, the
 * template's shrinkable variables give way in its order. Codes, phone numbers and links are never cut — they are
 * what the reader acts on.
 */
public final class SmsComposer {
    public static final int MAX_SEGMENTS = 2;
    private static final int MIN_PART = 4;
    private static final String GSM_ELLIPSIS = "...";
    private static final String ELLIPSIS = "…";
    static final String NONE_KEY = "sms.value.none";

    private final SmsProvider provider;
    /** null: the bundle's (SNS); for a domestic provider the 【sign name】 it puts before every text */
    private final String chineseSignature;

    /** For SNS. @param chineseSignature e.g. 【互助】; null or blank uses the bundle's */
    public SmsComposer(String chineseSignature) {
        this(SmsProvider.SNS, Text.strippedOrNull(chineseSignature));
    }

    private SmsComposer(SmsProvider provider, String chineseSignature) {
        this.provider = provider;
        this.chineseSignature = chineseSignature;
    }

    /** For a domestic provider, which prefixes every text (English ones too) with 【signName】. */
    public static SmsComposer forProvider(SmsProvider provider, String signName) {
        if (!provider.templatesOnly()) throw new IllegalArgumentException("SNS takes new SmsComposer(signature)");
        if (signName == null || signName.isBlank()) throw new IllegalArgumentException("no sign name for " + provider.wire());
        return new SmsComposer(provider, "【" + signName.strip() + "】");
    }

    public SmsProvider provider() {
        return provider;
    }

    /**
     * Renders {@code templateName} of the catalogue. Values may be of any type (their text is used); variables the
     * template does not use are ignored.
     *
     * @throws IllegalArgumentException for a template the catalogue does not declare, a template this provider
     *                                  cannot send (a link where links are forbidden), or a missing code, phone
     *                                  number or link
     */
    public RenderedSms render(Language language, String templateName, Map<String, ?> values) {
        return render(SmsCatalogue.get(templateName), language == null ? Language.DEFAULT : language, values);
    }

    /**
     * The same message as this composer's provider sends it: re-rendered from the original values (so a longer
     * budget is used to the full), with the template's link-free form where the provider forbids links in
     * variables; empty when the provider has no form of it (its content reaches the reader another way).
     */
    public Optional<RenderedSms> adapt(RenderedSms sms) {
        return adapt(sms, sms.language());
    }

    /** {@link #adapt(RenderedSms)} in another language (a provider with only the Chinese templates registered). */
    public Optional<RenderedSms> adapt(RenderedSms sms, Language language) {
        return SmsCatalogue.forProvider(sms.template(), provider).map(t -> render(t, language, sms.inputs()));
    }

    public String signature(Language language) {
        if (provider.templatesOnly()) return chineseSignature;
        if (language == Language.ZH_CN && chineseSignature != null) return chineseSignature;
        return Messages.text(language, "sms.signature");
    }

    private RenderedSms render(SmsTemplate template, Language language, Map<String, ?> inputs) {
        if (template.hasLink() && !provider.variableLinks()) {
            throw new IllegalArgumentException(provider.wire() + " takes no link in a variable: " + template.name());
        }
        // "…" is not GSM-7: in a GSM-7 template it would turn the whole text into UCS-2 (306 → 134 characters)
        String ellipsis = SmsLength.isGsm7(signature(language) + template.registeredText(language)) ? GSM_ELLIPSIS
                : ELLIPSIS;
        Map<String, String> full = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.order(language)) {
            SmsVariable v = template.variable(name).orElseThrow(() -> new IllegalStateException(
                    template.key() + " (" + language.wire() + ") uses an undeclared variable " + name));
            String value = SmsValues.prepare(v.type(), inputs.get(name), provider);
            if (value.isEmpty()) {
                if (!v.type().cuttable()) {
                    throw new IllegalArgumentException(template.name() + " needs a value for " + name);
                }
                value = Messages.text(language, NONE_KEY);
            }
            full.put(name, value);
            values.put(name, v.type().cuttable() ? SmsValues.cut(value, v.maxLength(provider), ellipsis) : value);
        }
        String text = fill(template, language, values);
        for (String part : template.shrinkOrder()) {
            while (!SmsLength.fits(text, MAX_SEGMENTS)) {
                String current = values.get(part);
                if (current == null || SmsValues.length(current) <= MIN_PART) break;
                int target = Math.max(MIN_PART, SmsValues.length(current) - Math.max(1, overflow(text)));
                values.put(part, SmsValues.cut(full.get(part), target, ellipsis));
                text = fill(template, language, values);
            }
            if (SmsLength.fits(text, MAX_SEGMENTS)) break;
        }
        for (String part : template.shrinkOrder()) { // still too long: drop the parts altogether rather than lose the link
            if (SmsLength.fits(text, MAX_SEGMENTS) || !values.containsKey(part)) continue;
            values.put(part, ellipsis);
            text = fill(template, language, values);
        }
        return new RenderedSms(template, language, provider, values, text, inputs, !values.equals(full));
    }

    private String fill(SmsTemplate template, Language language, Map<String, String> values) {
        Map<String, Object> args = new HashMap<>(values);
        args.put(SmsTemplate.SIGNATURE, signature(language));
        return Messages.text(language, template.key(), args);
    }

    /** Characters (roughly) over the two-segment budget. */
    private static int overflow(String text) {
        int budget = SmsLength.isGsm7(text) ? 153 * MAX_SEGMENTS : 67 * MAX_SEGMENTS;
        return Math.max(1, text.length() - budget);
    }
}
