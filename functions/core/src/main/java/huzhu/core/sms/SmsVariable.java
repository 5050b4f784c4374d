package huzhu.core.sms;

import java.util.regex.Pattern;

/**
 * One variable of a template: its name in the text ({@code {member}} in the bundle, {@code ${member}} on the
 * registration sheet), what it holds, and the most characters (code points) its value may have. A provider may
 * allow fewer ({@link SmsProvider#maxVariableLength()}); a cuttable value is then cut shorter still.
 */
public record SmsVariable(String name, VariableType type, int maxLength) {
    /** Alibaba Cloud: letters, digits and underscores, starting with a letter. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,24}");

    public SmsVariable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a variable name is letters and digits starting with a letter: " + name);
        }
        if (type == null) throw new IllegalArgumentException("variable " + name + " has no type");
        if (maxLength < 1) throw new IllegalArgumentException("variable " + name + " needs a maximum length");
    }

    /** A mainland mobile number in the national form the domestic providers' phone variables take. */
    static final int NATIONAL_MOBILE = 11;

    /**
     * The most characters this variable carries through {@code provider}. A domestic provider delivers only to
     * +86 phones, and the numbers it carries are the union's people's: 11 digits, the +86 left off.
     */
    public int maxLength(SmsProvider provider) {
        int max = type == VariableType.PHONE && provider.templatesOnly() ? NATIONAL_MOBILE : maxLength;
        return Math.min(max, provider.maxVariableLength());
    }
}
