package huzhu.core.sms;

import huzhu.core.kernel.Language;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SMS as the catalogue made it: the template, the reader's language, the variables in the order its text
 * uses them (what a domestic provider is sent, with the template's id), and the whole text with the signature
 * (what SNS sends, and what the outbox shows). Only {@link SmsComposer} makes one, so every SMS that leaves the
 * system is a catalogue template.
 */
public final class RenderedSms {
    private final SmsTemplate template;
    private final Language language;
    private final SmsProvider provider;
    private final Map<String, String> variables;
    private final String text;
    private final Map<String, Object> inputs;
    private final boolean shortened;

    RenderedSms(SmsTemplate template, Language language, SmsProvider provider, Map<String, String> variables,
            String text, Map<String, ?> inputs, boolean shortened) {
        this.template = template;
        this.language = language;
        this.provider = provider;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.text = text;
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.shortened = shortened;
    }

    /** Whether a value had to be cut to fit its variable or the segments (the text says less than was given). */
    public boolean shortened() {
        return shortened;
    }

    public SmsTemplate template() {
        return template;
    }

    public String templateName() {
        return template.name();
    }

    public Language language() {
        return language;
    }

    /** Whose rules it was rendered for. */
    public SmsProvider provider() {
        return provider;
    }

    /** Name → value, in the order the language's text uses them. */
    public Map<String, String> variables() {
        return variables;
    }

    public String text() {
        return text;
    }

    /** What the caller gave, before cutting: another provider's rendering starts from these. */
    Map<String, Object> inputs() {
        return inputs;
    }

    @Override
    public String toString() {
        return "RenderedSms[" + template.name() + ", " + language.wire() + ", " + provider.wire() + ", " + variables.keySet()
                + "]";
    }
}
