package huzhu.sms.china;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChinaTimeAndPhonesTest {

    @Test
    void parse_readsEveryPushTimeFormat_asBeijingTimeWhereNoZoneIsGiven() {
        assertThat(ChinaTime.parse("2017-09-01 00:00:00")).isEqualTo(Instant.parse("2017-08-31T16:00:00Z"));
        assertThat(ChinaTime.parse("20170901000000")).isEqualTo(Instant.parse("2017-08-31T16:00:00Z"));
        assertThat(ChinaTime.parse("Thu, 25 Nov 2021 10:27:00 +0800")).isEqualTo(Instant.parse("2021-11-25T02:27:00Z"));
        assertThat(ChinaTime.parse("1457336869")).isEqualTo(Instant.ofEpochSecond(1457336869));
        assertThat(ChinaTime.parse("yesterday")).isNull();
        assertThat(ChinaTime.parse("2017-13-01 00:00:00")).isNull();
        assertThat(ChinaTime.parse(null)).isNull();
    }

    @Test
    void e164_makesEveryWayAProviderWritesAMainlandNumberTheSame() {
        assertThat(Phones.e164("13800138000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.e164("8613800138000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.e164("008613800138000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.e164("+8613800138000", null)).isEqualTo("+8613800138000");
        assertThat(Phones.e164("13800138000", "86")).isEqualTo("+8613800138000");
        assertThat(Phones.e164("91234567", "852")).isEqualTo("+85291234567");
        assertThat(Phones.e164("n/a", null)).isNull();
    }

    @Test
    void aliyunForm_dropsTheMainlandPrefixOnly() {
        assertThat(Phones.aliyunForm("+8613800138000")).isEqualTo("13800138000");
        assertThat(Phones.aliyunForm("+85291234567")).isEqualTo("85291234567");
    }
}
