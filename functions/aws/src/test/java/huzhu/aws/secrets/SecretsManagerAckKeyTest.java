package huzhu.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.DependencyFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import huzhu.aws.AwsApi;

class SecretsManagerAckKeyTest {
    private static final String ARN = "arn:aws:secretsmanager:ap-east-1:123456789012:secret:AckKeySecret-abc";

    @Test
    void theKey_isTheSecretsValue_readFromTheSecretTheTemplateNames() {
        // given: what GenerateSecretString makes (64 characters, no punctuation)
        String generated = "Zq7".repeat(21) + "x";
        FakeSecrets secrets = new FakeSecrets(ARN, generated, null);

        // when
        byte[] key = new SecretsManagerAckKey(secrets, ARN).ackKey();

        // then
        assertThat(key).isEqualTo(generated.getBytes(StandardCharsets.UTF_8));
        assertThat(secrets.asked).containsExactly(ARN);
    }

    @Test
    void aSecretShorterThan32Bytes_isRefused_ratherThanSigningWithAWeakKey() {
        FakeSecrets secrets = new FakeSecrets(ARN, "too-short", null);
        assertThatThrownBy(() -> new SecretsManagerAckKey(secrets, ARN).ackKey())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }

    @Test
    void secretsManagerUnreachable_isADependencyFailure_soTheInitIsRetried() {
        FakeSecrets secrets = new FakeSecrets(ARN, null, new AwsApi.Failure(0, null, "connect timed out", null));
        assertThatThrownBy(() -> new SecretsManagerAckKey(secrets, ARN).ackKey())
                .isInstanceOf(DependencyFailure.class);
    }
}
