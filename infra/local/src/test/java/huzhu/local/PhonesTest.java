package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {
    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+8613800138000", "+86 138-0013-8000", "008613800138000",
            " 138 0013 8000 "})
    void chineseMobile_inNationalOrE164Form_becomesE164(String input) {
        assertThat(Phones.normalise(input)).hasValue("+8613800138000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12345", "1380013800", "23800138000", "+0123456789", "+86138001380001234"})
    void somethingElse_isNoPhoneNumber(String input) {
        assertThat(Phones.normalise(input)).isEmpty();
    }

    @Test
    void otherCountries_inE164_arePassedThrough() {
        assertThat(Phones.normalise("+491701234567")).hasValue("+491701234567");
    }
}
