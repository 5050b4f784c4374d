package huzhu.aws.secrets;

import java.util.ArrayList;
import java.util.List;

/** Answers GetSecretValue with {@code value}, or throws {@code failure}; records the secret ids it was asked for. */
final class FakeSecrets implements SecretValues {
    final List<String> asked = new ArrayList<>();
    private final String value;
    private final RuntimeException failure;

    FakeSecrets(String arn, String value, RuntimeException failure) {
        this.value = value;
        this.failure = failure;
    }

    @Override
    public String secretString(String secretId) {
        asked.add(secretId);
        if (failure != null) throw failure;
        return value;
    }
}
