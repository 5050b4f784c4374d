package huzhu.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The care settings (introductions, notices, applications) from the environment: defaults, valid values, and
 * refusals that name the variable.
 */
class CareConfigTest {

    @Test
    void anEmptyEnvironment_givesTheDefaults() {
        // when
        CareConfig c = CareConfig.from(Map.of());

        // then
        assertThat(c.unionSmsNumber()).isNull();
        assertThat(c.smsPerSecond()).isEqualTo(10);
        assertThat(c.replyWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(c.introduceNewContacts()).isTrue();
    }

    @Test
    void everyVariable_isRead() {
        // when
        CareConfig c = CareConfig.from(Map.of("HUZHU_UNION_SMS_NUMBER", " 10690123 ", "HUZHU_SMS_PER_SECOND", "5",
                "HUZHU_NOTICE_REPLY_DAYS", "3", "HUZHU_INTRODUCE_NEW_CONTACTS", "0"));

        // then
        assertThat(c.unionSmsNumber()).isEqualTo("10690123");
        assertThat(c.smsPerSecond()).isEqualTo(5);
        assertThat(c.replyWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(c.introduceNewContacts()).isFalse();
    }

    @Test
    void aMalformedValue_failsAtInit_namingTheVariable() {
        assertThatThrownBy(() -> CareConfig.from(Map.of("HUZHU_SMS_PER_SECOND", "0")))
                .hasMessageContaining("HUZHU_SMS_PER_SECOND");
        assertThatThrownBy(() -> CareConfig.from(Map.of("HUZHU_SMS_PER_SECOND", "ten")))
                .hasMessageContaining("HUZHU_SMS_PER_SECOND");
        assertThatThrownBy(() -> CareConfig.from(Map.of("HUZHU_NOTICE_REPLY_DAYS", "365")))
                .hasMessageContaining("HUZHU_NOTICE_REPLY_DAYS");
        assertThatThrownBy(() -> CareConfig.from(Map.of("HUZHU_UNION_SMS_NUMBER", "call the union")))
                .hasMessageContaining("HUZHU_UNION_SMS_NUMBER");
    }
}
