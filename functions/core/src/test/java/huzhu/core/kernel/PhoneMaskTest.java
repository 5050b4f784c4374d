package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource({
            "+8613800138000, +86138****8000",
            "13800138000,    138****8000",
            "+14155550123,   +141****0123",
            "+85291234567,   +852****4567",
            "1234567,        *****67"})
    void mask_hidesTheFourDigitsBeforeTheLastFour(String phone, String masked) {
        // given / when / then
        assertThat(PhoneMask.mask(phone)).isEqualTo(masked);
    }

    @Test
    void mask_keepsNull() {
        // given / when / then
        assertThat(PhoneMask.mask(null)).isNull();
    }

    @Test
    void scrub_masksEveryNumberInText() {
        // given
        String text = "来电13800138000，转告+8613900139000和 +86 137-0013-7000；US +14155550123";

        // when
        String scrubbed = PhoneMask.scrub(text);

        // then
        assertThat(scrubbed).isEqualTo("来电138****8000，转告+86139****9000和 +86 137-****-7000；US +141****0123");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "incident 01jf8zq3k0abcd13800138000x",
            "epoch 1767225600000",
            "id 213800138000",
            "timeoutSeconds=180, level 2",
            "2026-01-01T00:00:00Z"})
    void scrub_leavesIdsTimesAndLongerNumbersAlone(String text) {
        // given / when / then
        assertThat(PhoneMask.scrub(text)).isEqualTo(text);
    }
}
