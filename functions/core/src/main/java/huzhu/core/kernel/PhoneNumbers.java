package huzhu.core.kernel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers in national Chinese form or E.164, always stored and returned as E.164. Accepts what
 * people type: spaces, dashes, brackets, full-width digits, a 0086/86 prefix, a leading 0 on landlines —
 * and only numbers that exist and that a person answers: libphonenumber's metadata decides whether a number
 * is valid in its country (a Chinese mobile needs one of the assigned prefixes, a US number ten digits and a
 * real area code…) and what it is (mobile or landline, not a short code or a service number), so a typo is
 * refused at the console instead of failing at the first alert. Extensions, {@code tel:} URIs and
 * letters are refused before libphonenumber sees them: it would quietly drop them.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u00a0\\u3000]");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d{3,17}");
    private static final int MAX_E164 = 16;
    /** Numbers a person answers: not short codes, toll-free, premium-rate or shared-cost service numbers. */
    private static final Set<PhoneNumberType> PERSONAL = EnumSet.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.VOIP);

    private PhoneNumbers() {
    }

    public static Optional<String> normalize(String input) {
        if (input == null) return Optional.empty();
        String s = Text.nfkc(input).trim();
        s = SEPARATORS.matcher(s).replaceAll("");
        if (s.isEmpty() || s.length() > 20 || !DIGITS.matcher(s).matches()) return Optional.empty();
        if (s.startsWith("00")) s = "+" + s.substring(2);
        try {
            PhoneNumber number = UTIL.parse(s, "CN");
            if (!UTIL.isValidNumber(number) || !PERSONAL.contains(UTIL.getNumberType(number))) return Optional.empty();
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            if (e164.length() > MAX_E164) return Optional.empty(); // E.164 has at most 15 digits; SMS reach no more
            // what we return is sent back to us (a console PUT): it must read as itself, which a few
            // numbers written with a trunk 0 after the country code (+49 030…) do not
            return UTIL.isValidNumber(UTIL.parse(e164, "CN")) ? Optional.of(e164) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static boolean valid(String input) {
        return normalize(input).isPresent();
    }
}
