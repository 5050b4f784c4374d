package huzhu.aws.secrets;

import huzhu.aws.AwsClients;
import huzhu.core.error.DependencyFailure;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The text of the secret an environment variable names (its ARN, as template.yaml's Ref of a secret gives it),
 * read once when a function starts. The robots' settings (webhook keys and signing secrets) are read this way; the
 * variable belongs to the code that uses the secret.
 */
public final class NamedSecret {
    private final SecretsManagerClient client;
    private final String secretId;

    public NamedSecret(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    public static NamedSecret fromEnvironment(AwsClients clients, String variable) {
        String secret = System.getenv(variable);
        if (secret == null || secret.isBlank()) throw new IllegalStateException(variable + " is not set");
        String endpoint = System.getenv(SecretsManagerAckKey.ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        return new NamedSecret(clients.configure(SecretsManagerClient.builder(), override).build(), secret);
    }

    public String value() {
        String value;
        try {
            value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new DependencyFailure("reading the secret " + secretId + " failed", e);
        }
        if (value == null || value.isBlank()) throw new IllegalStateException("the secret " + secretId + " is empty");
        return value;
    }
}
