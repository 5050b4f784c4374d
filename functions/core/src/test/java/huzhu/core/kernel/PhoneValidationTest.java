package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers that look like phones but reach nobody: refused where they are typed, not at the first alert. */
class PhoneValidationTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @ValueSource(strings = {
            "+100000000",          // NANP needs ten digits
            "+705267423",          // +7 needs ten digits
            "+12015550100999",     // too long for its country
            "+4920100000000000",   // more than E.164's fifteen digits
            "+4702000",            // a Norwegian service number, not a person's
            "10086", "95588", "12345", "110", "120", // short codes and emergency numbers
            "14000000000",         // 140 is no mobile prefix
            "+8610690000000",      // an SMS service number (106…)
            "+999123456789"})      // no such country code
    void numbersThatReachNobody_areRefused(String input) {
        assertThat(PhoneNumbers.normalize(input)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is a person's number")
    @ValueSource(strings = {"+8613800138000", "+861012345678", "+8657187654321", "+85291234567", "+85366123456",
            "+886912345678", "+6581234567", "+819012345678", "+447911123456", "+491701234567", "+12025550123"})
    void realMobilesAndLandlines_areKeptAsTheyAre(String e164) {
        assertThat(PhoneNumbers.normalize(e164)).contains(e164);
    }
}
