package huzhu.core.rules;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in national Chinese form or E.164, always stored and returned as E.164. Accepts what
 * people type: spaces, dashes, brackets, full-width digits, a 0086/86 prefix, a leading 0 on landlines.
 */
public final class PhoneNumbers {
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern CN_LANDLINE = Pattern.compile("0[1-9]\\d{8,10}");
    /** Beijing (area code 10) without its trunk 0, as E.164 writes it: the only area code that starts with 1. */
    private static final Pattern BEIJING_WITHOUT_TRUNK = Pattern.compile("10\\d{8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u00a0\\u3000]");

    private PhoneNumbers() {
    }

    public static Optional<String> normalize(String input) {
        if (input == null) return Optional.empty();
        String s = Normalizer.normalize(input, Normalizer.Form.NFKC).trim();
        s = SEPARATORS.matcher(s).replaceAll("");
        if (s.isEmpty() || s.length() > 20) return Optional.empty();
        if (s.startsWith("00")) s = "+" + s.substring(2);
        if (s.startsWith("+")) {
            if (s.startsWith("+86")) return national(s.substring(3));
            return E164.matcher(s).matches() ? Optional.of(s) : Optional.empty();
        }
        if (s.startsWith("86") && s.length() == 13) return national(s.substring(2));
        return national(s);
    }

    public static boolean valid(String input) {
        return normalize(input).isPresent();
    }

    private static Optional<String> national(String digits) {
        if (CN_MOBILE.matcher(digits).matches()) return Optional.of("+86" + digits);
        if (CN_LANDLINE.matcher(digits).matches()) return Optional.of("+86" + digits.substring(1));
        if (BEIJING_WITHOUT_TRUNK.matcher(digits).matches()) return Optional.of("+86" + digits);
        if (digits.length() >= 9 && digits.length() <= 11 && digits.chars().allMatch(Character::isDigit)
                && digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            return Optional.of("+86" + digits); // landline already without its trunk 0, as E.164 writes it
        }
        return Optional.empty();
    }
}
