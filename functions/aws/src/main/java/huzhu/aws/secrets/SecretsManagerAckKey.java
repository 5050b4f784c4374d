package huzhu.aws.secrets;

import huzhu.aws.AwsClients;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.AckKeySource;
import huzhu.core.incident.AckTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The ack link key from Secrets Manager: the secret {@code HUZHU_ACK_KEY_SECRET} names (template.yaml
 * generates its value at deploy), read once when the function starts. Under SnapStart the key is part of
 * the snapshot, like every other setting read at init; it is the same for every copy, which is what
 * verifying links needs.
 */
public final class SecretsManagerAckKey implements AckKeySource {
    public static final String SECRET_VARIABLE = "HUZHU_ACK_KEY_SECRET";
    public static final String ENDPOINT_VARIABLE = "HUZHU_SECRETSMANAGER_ENDPOINT";

    private final SecretsManagerClient client;
    private final String secretId;

    public SecretsManagerAckKey(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    public static SecretsManagerAckKey fromEnvironment(AwsClients clients) {
        String secret = System.getenv(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) throw new IllegalStateException(SECRET_VARIABLE + " is not set");
        return new SecretsManagerAckKey(client(clients), secret);
    }

    /** A Secrets Manager client on the function's shared HTTP client (endpoint from HUZHU_SECRETSMANAGER_ENDPOINT). */
    static SecretsManagerClient client(AwsClients clients) {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        return clients.configure(SecretsManagerClient.builder(), override).build();
    }

    @Override
    public byte[] ackKey() {
        String value;
        try {
            value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new DependencyFailure("reading the ack link key failed", e);
        }
        byte[] key = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        if (key.length < AckTokens.MIN_KEY_BYTES) {
            throw new IllegalStateException("the ack link key in " + secretId + " is shorter than "
                    + AckTokens.MIN_KEY_BYTES + " bytes");
        }
        return key;
    }
}
