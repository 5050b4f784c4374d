package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import huzhu.console.ConsoleSettings;
import huzhu.core.sms.SmsProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalConfigTest {
    private final Path workingDir = Path.of("/srv/huzhu");

    @Test
    void emptyEnvironment_givesTheContractDefaults_andARandomAdminToken() {
        // when
        LocalConfig config = LocalConfig.from(Map.of(), workingDir);
        LocalConfig again = LocalConfig.from(Map.of(), workingDir);

        // then
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.sweepInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.demo()).isFalse();
        assertThat(config.embeddedStore()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/huzhu/.huzhu-data"));
        assertThat(config.officerToken()).isNull();
        assertThat(config.viewerToken()).isNull();
        assertThat(config.adminTokenGenerated()).isTrue();
        assertThat(config.adminToken()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(again.adminToken()).isNotEqualTo(config.adminToken());
        assertThat(config.region()).isEqualTo("cn-north-1");
    }

    @Test
    void everyVariable_isRead() {
        // when
        LocalConfig config = LocalConfig.from(Map.of(
                "HUZHU_PORT", "8080",
                "HUZHU_ADMIN_TOKEN", "my-admin-token",
                "HUZHU_OFFICER_TOKEN", "my-officer-token",
                "HUZHU_VIEWER_TOKEN", "my-viewer-token",
                "HUZHU_SWEEP_SECONDS", "5",
                "HUZHU_DEMO", "1",
                "HUZHU_DYNAMODB_ENDPOINT", "http://localhost:8000",
                "HUZHU_DATA_DIR", "data/local",
                "AWS_REGION", "eu-central-1"), workingDir);

        // then
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.adminToken()).isEqualTo("my-admin-token");
        assertThat(config.adminTokenGenerated()).isFalse();
        assertThat(config.officerToken()).isEqualTo("my-officer-token");
        assertThat(config.viewerToken()).isEqualTo("my-viewer-token");
        assertThat(config.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.demo()).isTrue();
        assertThat(config.dynamodbEndpoint()).isEqualTo(URI.create("http://localhost:8000"));
        assertThat(config.embeddedStore()).isFalse();
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/huzhu/data/local"));
        assertThat(config.aws().partition()).isEqualTo("aws");
    }

    @Test
    void blankValues_meanTheDefault() {
        // when
        LocalConfig config = LocalConfig.from(Map.of("HUZHU_PORT", "", "HUZHU_DEMO", " ", "HUZHU_ADMIN_TOKEN", ""),
                workingDir);

        // then
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.demo()).isFalse();
        assertThat(config.adminTokenGenerated()).isTrue();
    }

    @Test
    void invalidValues_failAtStart_listingEveryProblemInChineseThenEnglish() {
        // when
        LocalConfig.InvalidConfig failure = catchThrowableOfType(LocalConfig.InvalidConfig.class,
                () -> LocalConfig.from(Map.of(
                        "HUZHU_PORT", "70000",
                        "HUZHU_SWEEP_SECONDS", "0",
                        "HUZHU_DEMO", "maybe",
                        "HUZHU_DYNAMODB_ENDPOINT", "localhost:8000",
                        "HUZHU_ADMIN_TOKEN", "short"), workingDir));

        // then
        assertThat(failure.problems()).hasSize(5);
        assertThat(failure.problems()).allSatisfy(p -> {
            String[] zhThenEn = p.split(" / ", 2);
            assertThat(zhThenEn[0]).containsPattern("\\p{IsHan}");
            assertThat(zhThenEn[1]).doesNotContainPattern("\\p{IsHan}").contains("must");
        });
        assertThat(failure.getMessage())
                .startsWith("本地环境配置有误")
                .contains("HUZHU_PORT 须为 0 到 65535 之间的整数（当前为“70000”） / HUZHU_PORT must be an integer")
                .contains("HUZHU_SWEEP_SECONDS", "HUZHU_DEMO", "HUZHU_DYNAMODB_ENDPOINT", "HUZHU_ADMIN_TOKEN")
                .doesNotContain("short");
    }

    @Test
    void aCognitoDomain_turnsOnTheHostedSignInOfTheConsole_withTheAppClientNamed() {
        // when
        LocalConfig plain = LocalConfig.from(Map.of(), workingDir);
        LocalConfig hosted = LocalConfig.from(Map.of("HUZHU_COGNITO_DOMAIN", "http://127.0.0.1:41234/",
                "HUZHU_USER_POOL_CLIENT_ID", "5k2q7itexampleclient"), workingDir);

        // then
        assertThat(plain.cognitoDomain()).isNull();
        assertThat(plain.consoleClientId()).isEqualTo("huzhu-local-console");
        assertThat(plain.consoleSettings().signIn()).isEqualTo(ConsoleSettings.SignIn.TOKEN);
        assertThat(hosted.cognitoDomain()).isEqualTo(URI.create("http://127.0.0.1:41234"));
        assertThat(hosted.consoleSettings()).isEqualTo(new ConsoleSettings(null, "5k2q7itexampleclient",
                "http://127.0.0.1:41234"));
        assertThat(hosted.consoleSettings().signIn()).isEqualTo(ConsoleSettings.SignIn.HOSTED);
    }

    @Test
    void aCognitoDomainThatIsNoOrigin_orABadClientId_failAtStart_inChineseThenEnglish() {
        // when
        LocalConfig.InvalidConfig failure = catchThrowableOfType(LocalConfig.InvalidConfig.class,
                () -> LocalConfig.from(Map.of("HUZHU_COGNITO_DOMAIN", "http://login.example/oauth2",
                        "HUZHU_USER_POOL_CLIENT_ID", "no spaces"), workingDir));

        // then
        assertThat(failure.problems()).hasSize(2);
        assertThat(failure.problems().get(0)).startsWith("HUZHU_COGNITO_DOMAIN 须为 https:// 开头")
                .contains(" / HUZHU_COGNITO_DOMAIN must be an https:// origin");
        assertThat(failure.problems().get(1)).startsWith("HUZHU_USER_POOL_CLIENT_ID 只能")
                .contains(" / HUZHU_USER_POOL_CLIENT_ID must contain only");
    }

    @Test
    void theSmsProvider_isTheOutboxByDefault_andAProviderWithItsAccountOtherwise() {
        // when
        LocalConfig outbox = LocalConfig.from(Map.of(), workingDir);
        LocalConfig aliyun = LocalConfig.from(Map.of("HUZHU_SMS_PROVIDER", "aliyun",
                "HUZHU_ALIYUN_ACCESS_KEY_ID", "LTAIlocal", "HUZHU_ALIYUN_ACCESS_KEY_SECRET", "local-secret",
                "HUZHU_ALIYUN_SIGN_NAME", "互助", "HUZHU_ALIYUN_SMS_ENDPOINT", "http://127.0.0.1:8089"), workingDir);
        LocalConfig sns = LocalConfig.from(Map.of("HUZHU_SMS_PROVIDER", "sns", "HUZHU_SNS_ENDPOINT",
                "http://127.0.0.1:4566"), workingDir);

        // then
        assertThat(outbox.sms().outbox()).isTrue();
        assertThat(aliyun.sms().provider()).isEqualTo(SmsProvider.ALIYUN);
        assertThat(aliyun.sms().account().aliyun().endpoint()).hasToString("http://127.0.0.1:8089/");
        assertThat(aliyun.toString()).contains("aliyun").doesNotContain("local-secret");
        assertThat(sns.sms().sns().endpoint()).hasToString("http://127.0.0.1:4566");
    }

    @Test
    void anUnknownSmsProvider_orAnIncompleteAccount_failAtStart_inChineseThenEnglish() {
        // when
        LocalConfig.InvalidConfig unknown = catchThrowableOfType(LocalConfig.InvalidConfig.class,
                () -> LocalConfig.from(Map.of("HUZHU_SMS_PROVIDER", "twilio"), workingDir));
        LocalConfig.InvalidConfig incomplete = catchThrowableOfType(LocalConfig.InvalidConfig.class,
                () -> LocalConfig.from(Map.of("HUZHU_SMS_PROVIDER", "tencent", "HUZHU_TENCENT_SECRET_ID", "AKID"),
                        workingDir));

        // then
        assertThat(unknown.problems()).singleElement().asString().startsWith("HUZHU_SMS_PROVIDER 只能是")
                .contains(" / HUZHU_SMS_PROVIDER must be sns, aliyun or tencent");
        assertThat(incomplete.problems()).singleElement().asString().contains("tencent", "secretKey");
    }

    @Test
    void sameTokenForTwoRoles_isRejected() {
        // when
        LocalConfig.InvalidConfig failure = catchThrowableOfType(LocalConfig.InvalidConfig.class,
                () -> LocalConfig.from(Map.of("HUZHU_ADMIN_TOKEN", "same-token-1", "HUZHU_VIEWER_TOKEN",
                        "same-token-1"), workingDir));

        // then
        assertThat(failure.problems()).singleElement().asString().contains("HUZHU_VIEWER_TOKEN");
    }

    @Test
    void toString_neverShowsTheTokens() {
        // given
        LocalConfig config = LocalConfig.from(Map.of("HUZHU_ADMIN_TOKEN", "my-admin-token"), workingDir);

        // then
        assertThat(config.toString()).doesNotContain("my-admin-token").contains("port=3000");
    }
}
