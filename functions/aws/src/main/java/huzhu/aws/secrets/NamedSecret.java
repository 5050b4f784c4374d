package huzhu.aws.secrets;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.error.DependencyFailure;

/**
 * The text of the secret an environment variable names (its ARN, as template.yaml's Ref of a secret gives it),
 * read once when a function starts. The HTTP functions read CloudFront's edge secret this way
 * (huzhu.http.Edge.SECRET_VARIABLE); the variable belongs to the code that uses the secret.
 */
public final class NamedSecret {
    private final SecretValues client;
    private final String secretId;

    public NamedSecret(SecretValues client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    public static NamedSecret fromEnvironment(AwsClients clients, String variable) {
        String secret = System.getenv(variable);
        if (secret == null || secret.isBlank()) throw new IllegalStateException(variable + " is not set");
        return new NamedSecret(SecretValues.of(clients), secret);
    }

    public String value() {
        String value;
        try {
            value = client.secretString(secretId);
        } catch (AwsApi.Failure e) {
            throw new DependencyFailure("reading the secret " + secretId + " failed", e);
        }
        if (value == null || value.isBlank()) throw new IllegalStateException("the secret " + secretId + " is empty");
        return value;
    }
}
