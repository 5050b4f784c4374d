package huzhu.local.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import huzhu.core.kernel.PhoneNumbers;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PhoneNumbers} against libphonenumber used plainly: where libphonenumber calls a number a valid
 * mobile or landline, ours
 * must read it the same way however people type it (prefixes, separators, full-width digits); whatever ours
 * returns, from any text at all, is E.164 that reads back to itself and is a possible number.
 */
class PhoneNumbersOracleIT {
    private static final PhoneNumberUtil LIB = PhoneNumberUtil.getInstance();

    record Typed(String digits, String typed) {
    }

    @Property(tries = 2000)
    void aValidChineseMobile_typedAnyWayPeopleTypeIt_isReadAsLibphonenumberReadsIt(@ForAll("mobiles") Typed number) {
        Optional<String> ours = PhoneNumbers.normalize(number.typed());
        Optional<String> theirs = lib(number.digits());
        if (theirs.isPresent()) assertThat(ours).as(number.typed()).isEqualTo(theirs);
        ours.ifPresent(e164 -> assertThat(e164).isEqualTo("+86" + number.digits()));
    }

    @Property(tries = 1000)
    void aValidChineseLandline_withItsTrunkZero_isReadAsLibphonenumberReadsIt(@ForAll("landlines") String national) {
        Optional<String> theirs = lib(national);
        if (theirs.isPresent()) assertThat(PhoneNumbers.normalize(national)).as(national).isEqualTo(theirs);
    }

    @Property(tries = 1000)
    void aValidForeignNumber_isReadAsLibphonenumberReadsIt_whenThatReadsBackToItself(@ForAll("foreign") String typed) {
        Optional<String> theirs = lib(typed);
        if (theirs.isPresent() && lib(theirs.get()).equals(theirs)) {
            assertThat(PhoneNumbers.normalize(typed)).as(typed).isEqualTo(theirs);
        }
    }

    @Property(tries = 3000)
    void anyText_givesNothingOrE164_thatReadsBackToItself_andIsAPossibleNumber(@ForAll("junk") String text) {
        Optional<String> ours = PhoneNumbers.normalize(text);
        ours.ifPresent(e164 -> {
            assertThat(e164).matches("\\+[1-9]\\d{1,14}"); // E.164: at most 15 digits
            assertThat(PhoneNumbers.normalize(e164)).contains(e164);
            assertThat(possible(e164)).as("libphonenumber finds %s (from %s) possible", e164, text).isTrue();
        });
    }

    private static Optional<String> lib(String text) {
        try {
            PhoneNumber n = LIB.parse(text, "CN");
            boolean personal = switch (LIB.getNumberType(n)) {
                case MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, PERSONAL_NUMBER, VOIP -> true;
                default -> false;
            };
            return LIB.isValidNumber(n) && personal ? Optional.of(LIB.format(n, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static boolean possible(String e164) {
        try {
            return LIB.isPossibleNumber(LIB.parse(e164, "CN"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<Typed> mobiles() {
        Arbitrary<String> digits = Combinators.combine(Arbitraries.integers().between(3, 9),
                Arbitraries.strings().numeric().ofLength(9)).as((second, rest) -> "1" + second + rest);
        return Combinators.combine(digits, Arbitraries.of("", "+86", "+86 ", "0086", "86", "(+86) ", "＋８６"),
                        Arbitraries.of("", " ", "-", "\u3000"), Arbitraries.of(false, true))
                .as((d, prefix, sep, fullWidth) -> {
                    String body = d.substring(0, 3) + sep + d.substring(3, 7) + sep + d.substring(7);
                    if (fullWidth) body = widen(body);
                    return new Typed(d, prefix + body);
                });
    }

    @Provide
    Arbitrary<String> landlines() {
        return Combinators.combine(Arbitraries.of("010", "020", "021", "022", "023", "024", "025", "027", "028", "029",
                        "0571", "0755", "0512", "0731", "0871"), Arbitraries.integers().between(2, 8),
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(7))
                .as((area, first, rest) -> area + first + rest);
    }

    @Provide
    Arbitrary<String> foreign() {
        return Combinators.combine(Arbitraries.of("1", "44", "49", "852", "853", "886", "65", "81", "61", "33"),
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(11)).as((cc, rest) -> "+" + cc + rest);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().withChars("+- ()").ofMaxLength(24),
                Arbitraries.strings().ofMaxLength(30), Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(16)
                        .map(s -> "+" + s));
    }

    private static String widen(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        return out.toString();
    }
}
