package huzhu.core.sms;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message the system sends, as a union registers it with its provider: a name, what it is for (zh-CN and
 * en), its text per language (the bundle's {@code sms.<name>}, {@code {var}} placeholders, starting with the
 * signature slot {@code {sig}}), and its typed, bounded variables.
 *
 * @param shrinkOrder    the variables that give way, in this order, when the whole would not fit
 *                       {@link SmsComposer#MAX_SEGMENTS} segments
 * @param withoutLinks   for providers that forbid a link in a variable: the name of the template sent instead, or
 *                       null when this one has no link or is simply not sent there (its content follows anyway)
 */
public record SmsTemplate(String name, String useCaseZh, String useCaseEn, List<SmsVariable> variables,
        List<String> shrinkOrder, String withoutLinks) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    static final String SIGNATURE = "sig";

    public SmsTemplate {
        variables = List.copyOf(variables);
        shrinkOrder = List.copyOf(shrinkOrder);
        for (String s : shrinkOrder) {
            SmsVariable v = variables.stream().filter(x -> x.name().equals(s)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + ": shrinks an undeclared variable " + s));
            if (!v.type().cuttable()) throw new IllegalArgumentException(name + ": " + s + " cannot be cut");
        }
    }

    /** The bundle key of its text. */
    public String key() {
        return "sms." + name;
    }

    public Optional<SmsVariable> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    public boolean hasLink() {
        return variables.stream().anyMatch(v -> v.type().link());
    }

    /** The bundle text, {@code {sig}} included. */
    public String pattern(Language language) {
        return Messages.text(language, key());
    }

    /** The text a provider registers: the pattern without the signature slot (the provider adds the signature). */
    public String registeredText(Language language) {
        String p = pattern(language);
        return p.startsWith("{" + SIGNATURE + "}") ? p.substring(SIGNATURE.length() + 2) : p;
    }

    /** The variables in the order they appear in this language's text (Tencent numbers them so). */
    public List<String> order(Language language) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(registeredText(language));
        while (m.find()) {
            if (!out.contains(m.group(1))) out.add(m.group(1));
        }
        return out;
    }

    /** Every placeholder of a text, in order, repeats included. */
    static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
