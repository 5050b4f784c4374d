package huzhu.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.DependencyFailure;
import org.junit.jupiter.api.Test;
import huzhu.aws.AwsApi;

class NamedSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:ap-east-1:123456789012:secret:EdgeOriginSecret-abc";

    @Test
    void theValue_isTheTextOfTheSecretTheVariableNames() {
        // given: what GenerateSecretString makes
        FakeSecrets secrets = new FakeSecrets(ARN, "Kd8".repeat(16), null);

        // when
        String value = new NamedSecret(secrets, ARN).value();

        // then
        assertThat(value).isEqualTo("Kd8".repeat(16));
        assertThat(secrets.asked).containsExactly(ARN);
    }

    @Test
    void secretsManagerUnreachable_isADependencyFailure_soTheInitIsRetried() {
        FakeSecrets secrets = new FakeSecrets(ARN, null, new AwsApi.Failure(0, null, "connect timed out", null));
        assertThatThrownBy(() -> new NamedSecret(secrets, ARN).value()).isInstanceOf(DependencyFailure.class);
    }

    @Test
    void anEmptySecret_isRefused_ratherThanLettingEveryRequestIn() {
        FakeSecrets secrets = new FakeSecrets(ARN, " ", null);
        assertThatThrownBy(() -> new NamedSecret(secrets, ARN).value()).isInstanceOf(IllegalStateException.class);
    }
}
