package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §2: phones in national form (region CN) or E.164 in, always E.164 out. */
class PhoneNumbersTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // national mobile
            "13800138000|+8613800138000",
            "19912345678|+8619912345678",
            // country code written every way people write it
            "+8613800138000|+8613800138000",
            "+86 138 0013 8000|+8613800138000",
            "008613800138000|+8613800138000",
            "0086 138 0013 8000|+8613800138000",
            "8613800138000|+8613800138000",
            "86 13800138000|+8613800138000",
            // separators
            "138 0013 8000|+8613800138000",
            "138-0013-8000|+8613800138000",
            "(+86) 138-0013-8000|+8613800138000",
            "138.0013.8000|+8613800138000",
            "'  13800138000  '|+8613800138000",
            "138\u00a00013\u00a08000|+8613800138000",
            "138\u30000013\u30008000|+8613800138000",
            // full-width digits and plus
            "１３８００１３８０００|+8613800138000",
            "＋８６　１３８－００１３－８０００|+8613800138000",
            // landlines: with the trunk 0, without it, with the country code
            "010-12345678|+861012345678",
            "(010) 1234 5678|+861012345678",
            "0571-87654321|+8657187654321",
            "057187654321|+8657187654321",
            "+86 10 1234 5678|+861012345678",
            "+86 010 12345678|+861012345678",
            "+86 571 8765 4321|+8657187654321",
            "57187654321|+8657187654321",
            // foreign E.164
            "+1 415 555 2671|+14155552671",
            "+44 20 7946 0958|+442079460958",
            "0044 20 7946 0958|+442079460958",
            "+85291234567|+85291234567",
            "+886 912 345 678|+886912345678"})
    void acceptedForms_normalizeToE164(String input, String expected) {
        // when / then
        assertThat(PhoneNumbers.normalize(input)).contains(expected);
        assertThat(PhoneNumbers.valid(input)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not a phone")
    @ValueSource(strings = {"   ", "abc", "phone", "12345", "120", "110", "1380013800", "138001380001",
            "12800138000", "10086", "+", "++8613800138000", "+0123456789", "+123", "+1234567890123456",
            "+86 12345", "+86 1380013800", "13800138000a", "138-0013-800x", "13800138000 ext 2", "0",
            "00", "0000000000", "1380013800012345678901", "tel:13800138000", "😀13800138000"})
    void garbage_givesNothing(String input) {
        // when / then
        assertThat(PhoneNumbers.normalize(input)).isEmpty();
        assertThat(PhoneNumbers.valid(input)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothing_givesNothing(String input) {
        assertThat(PhoneNumbers.normalize(input)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"0086 138-0013-8000", "010-12345678", "0571-87654321", "0755 1234 5678",
            "+1 415 555 2671"})
    void whatNormalizeReturns_normalizesToItself(String input) {
        // given: what the API returned, sent back unchanged (e.g. a console PUT)
        String once = PhoneNumbers.normalize(input).orElseThrow();

        // when / then
        assertThat(PhoneNumbers.normalize(once)).contains(once);
    }
}
