package huzhu.sms.china;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsProvider;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The domestic account as the secret (AWS) or the environment (local stack) gives it. */
class TemplateIdsAndAccountTest {
    @Test
    void templateIds_readPlainIdsAsChinese_andPerLanguageObjects() {
        // when
        TemplateIds ids = TemplateIds.parse("{\"receipt\":\"SMS_9\",\"standDown\":{\"zh-CN\":\"1001\",\"en\":\"1002\"}}");

        // then
        assertThat(ids.id("receipt", Language.ZH_CN)).contains("SMS_9");
        assertThat(ids.id("receipt", Language.EN)).isEmpty();
        assertThat(ids.id("standDown", Language.EN)).contains("1002");
        assertThat(ids.missing(SmsProvider.ALIYUN)).contains("alert.noLink").doesNotContain("receipt", "standDown");
    }

    @Test
    void templateIds_refuseANameTheCatalogueDoesNotHave() {
        assertThatThrownBy(() -> TemplateIds.parse("{\"alert.withPhoto\":\"SMS_1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alert.withPhoto");
    }

    @Test
    void anAlibabaSecret_givesTheAccount_andItsPrintNeverShowsTheSecretsOrTokens() {
        // when
        DomesticSms account = DomesticSms.fromSecret(SmsProvider.ALIYUN, "唐山市总工会",
                "{\"accessKeyId\":\"LTAI5tExample\",\"accessKeySecret\":\"s3cr3t-value\",\"pushTokens\":[\""
                        + "t".repeat(40) + "\"],\"templates\":{\"receipt\":\"SMS_9\"}}", null);

        // then
        assertThat(account.signName()).isEqualTo("唐山市总工会");
        assertThat(account.aliyun().endpoint()).isEqualTo(URI.create("https://dysmsapi.aliyuncs.com/"));
        assertThat(account.pushTokens()).hasSize(1);
        assertThat(account.puller()).isEmpty();
        assertThat(account.toString()).contains("LTAI5tExample").doesNotContain("s3cr3t-value", "tttt");
    }

    @Test
    void aTencentSecret_canAskForThePullApi() {
        // when
        DomesticSms account = DomesticSms.fromSecret(SmsProvider.TENCENT, "互助", "{\"secretId\":\"AKIDx\","
                + "\"secretKey\":\"k\",\"sdkAppId\":\"1400000000\",\"pull\":true}", URI.create("http://127.0.0.1:9/"));

        // then
        assertThat(account.pull()).isTrue();
        assertThat(account.puller()).isPresent();
        assertThat(account.tencent().region()).isEqualTo("ap-guangzhou");
    }

    @Test
    void aSecretWithoutCredentials_failsAtInit_namingWhatIsMissing() {
        assertThatThrownBy(() -> DomesticSms.fromSecret(SmsProvider.ALIYUN, "互助", "{\"accessKeyId\":\"x\"}", null))
                .hasMessageContaining("accessKeySecret");
        assertThatThrownBy(() -> DomesticSms.fromSecret(SmsProvider.ALIYUN, "互助", "not json", null))
                .hasMessageContaining("not JSON");
    }

    @Test
    void theLocalEnvironment_givesEveryTemplateUnderItsOwnName_whenNoIdsAreSet() {
        // when
        DomesticSms account = DomesticSms.fromLocalEnvironment(SmsProvider.TENCENT, Map.of(
                "HUZHU_TENCENT_SECRET_ID", "AKIDlocal", "HUZHU_TENCENT_SECRET_KEY", "local", "HUZHU_TENCENT_SDK_APP_ID",
                "1400000000", "HUZHU_TENCENT_SIGN_NAME", "互助", "HUZHU_TENCENT_SMS_ENDPOINT", "http://127.0.0.1:8089"));

        // then
        assertThat(account.templates().id("alert.noLink", Language.EN)).contains("alert.noLink.en");
        assertThat(account.templates().missing(SmsProvider.TENCENT)).isEmpty();
        assertThat(account.tencent().endpoint()).isEqualTo(URI.create("http://127.0.0.1:8089/"));
    }
}
