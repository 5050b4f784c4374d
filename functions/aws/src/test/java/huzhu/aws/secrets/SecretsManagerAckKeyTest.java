package huzhu.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.DependencyFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class SecretsManagerAckKeyTest {
    private static final String ARN = "arn:aws:secretsmanager:ap-east-1:123456789012:secret:AckKeySecret-abc";

    /** Answers GetSecretValue with {@code value}, or throws {@code failure}; records what it was asked. */
    private static final class FakeSecrets implements SecretsManagerClient {
        final List<GetSecretValueRequest> asked = new ArrayList<>();
        private final String value;
        private final RuntimeException failure;

        FakeSecrets(String value, RuntimeException failure) {
            this.value = value;
            this.failure = failure;
        }

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            asked.add(request);
            if (failure != null) throw failure;
            return GetSecretValueResponse.builder().arn(ARN).secretString(value).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theKey_isTheSecretsValue_readFromTheSecretTheTemplateNames() {
        // given: what GenerateSecretString makes (64 characters, no punctuation)
        String generated = "Zq7".repeat(21) + "x";
        FakeSecrets secrets = new FakeSecrets(generated, null);

        // when
        byte[] key = new SecretsManagerAckKey(secrets, ARN).ackKey();

        // then
        assertThat(key).isEqualTo(generated.getBytes(StandardCharsets.UTF_8));
        assertThat(secrets.asked).singleElement().satisfies(r -> assertThat(r.secretId()).isEqualTo(ARN));
    }

    @Test
    void aSecretShorterThan32Bytes_isRefused_ratherThanSigningWithAWeakKey() {
        FakeSecrets secrets = new FakeSecrets("too-short", null);
        assertThatThrownBy(() -> new SecretsManagerAckKey(secrets, ARN).ackKey())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }

    @Test
    void secretsManagerUnreachable_isADependencyFailure_soTheInitIsRetried() {
        FakeSecrets secrets = new FakeSecrets(null, SdkClientException.create("connect timed out"));
        assertThatThrownBy(() -> new SecretsManagerAckKey(secrets, ARN).ackKey())
                .isInstanceOf(DependencyFailure.class);
    }
}
