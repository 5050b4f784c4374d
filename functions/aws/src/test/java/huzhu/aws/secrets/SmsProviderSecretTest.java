package huzhu.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.sms.SmsProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which provider a deployment uses: SNS unless HUZHU_SMS_PROVIDER names a domestic one; a typo fails init. */
class SmsProviderSecretTest {
    @Test
    void unsetOrBlank_isSns_andNeedsNoSecret() {
        assertThat(SmsProviderSecret.provider(Map.of())).isEqualTo(SmsProvider.SNS);
        assertThat(SmsProviderSecret.provider(Map.of(SmsProviderSecret.PROVIDER, " "))).isEqualTo(SmsProvider.SNS);
        assertThat(SmsProviderSecret.fromEnvironment(null, Map.of(SmsProviderSecret.PROVIDER, "sns"))).isNull();
    }

    @Test
    void aDomesticProvider_isNamedInAnyCase() {
        assertThat(SmsProviderSecret.provider(Map.of(SmsProviderSecret.PROVIDER, "Aliyun"))).isEqualTo(SmsProvider.ALIYUN);
        assertThat(SmsProviderSecret.provider(Map.of(SmsProviderSecret.PROVIDER, "tencent"))).isEqualTo(SmsProvider.TENCENT);
    }

    @Test
    void anUnknownProvider_orADomesticOneWithoutItsSecret_failsInit() {
        assertThatThrownBy(() -> SmsProviderSecret.provider(Map.of(SmsProviderSecret.PROVIDER, "twilio")))
                .hasMessageContaining("sns, aliyun or tencent");
        assertThatThrownBy(() -> SmsProviderSecret.fromEnvironment(null, Map.of(SmsProviderSecret.PROVIDER, "aliyun")))
                .hasMessageContaining(SmsProviderSecret.SECRET);
    }
}
