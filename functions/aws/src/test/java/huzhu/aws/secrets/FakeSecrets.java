package huzhu.aws.secrets;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Answers GetSecretValue with {@code value}, or throws {@code failure}; records what it was asked. */
final class FakeSecrets implements SecretsManagerClient {
    final List<GetSecretValueRequest> asked = new ArrayList<>();
    private final String arn;
    private final String value;
    private final RuntimeException failure;

    FakeSecrets(String arn, String value, RuntimeException failure) {
        this.arn = arn;
        this.value = value;
        this.failure = failure;
    }

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
        asked.add(request);
        if (failure != null) throw failure;
        return GetSecretValueResponse.builder().arn(arn).secretString(value).build();
    }

    @Override
    public String serviceName() {
        return "secretsmanager";
    }

    @Override
    public void close() {
    }
}
