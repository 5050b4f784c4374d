package huzhu.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsConfigTest {

    @Test
    void from_readsEveryVariable() {
        // when
        SmsConfig config = SmsConfig.from(Map.of(
                "HUZHU_SMS_SENDER_ID", "HUZHU",
                "HUZHU_SMS_ORIGINATION_NUMBER", "+12065550100",
                "HUZHU_SMS_MAX_PRICE", "0.50",
                "HUZHU_SNS_ENDPOINT", "http://127.0.0.1:4566"));

        // then
        assertThat(config).isEqualTo(new SmsConfig("HUZHU", "+12065550100", "0.50",
                URI.create("http://127.0.0.1:4566")));
    }

    @Test
    void from_treatsMissingAndBlankValuesAsUnset() {
        // when
        SmsConfig config = SmsConfig.from(Map.of("HUZHU_SMS_SENDER_ID", " ", "HUZHU_SNS_ENDPOINT", ""));

        // then
        assertThat(config).isEqualTo(SmsConfig.DEFAULTS);
    }

    @Test
    void constructor_failsAtInitNamingTheVariable_whenTheMaxPriceIsNotAPositiveNumber() {
        assertThatThrownBy(() -> SmsConfig.from(Map.of("HUZHU_SMS_MAX_PRICE", "fifty cents")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HUZHU_SMS_MAX_PRICE");
        assertThatThrownBy(() -> SmsConfig.from(Map.of("HUZHU_SMS_MAX_PRICE", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_failsAtInitNamingTheVariable_whenTheSenderIdIsNotOneSnsAccepts() {
        assertThatThrownBy(() -> SmsConfig.from(Map.of("HUZHU_SMS_SENDER_ID", "TWELVECHARSX")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HUZHU_SMS_SENDER_ID");
        assertThatThrownBy(() -> SmsConfig.from(Map.of("HUZHU_SMS_SENDER_ID", "12345")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsConfig.from(Map.of("HUZHU_SMS_SENDER_ID", "互助")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
