package huzhu.aws.secrets;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.AckKeySource;
import huzhu.core.incident.AckTokens;
import java.nio.charset.StandardCharsets;

/**
 * The ack link key from Secrets Manager: the secret {@code HUZHU_ACK_KEY_SECRET} names (template.yaml
 * generates its value at deploy), read once when the function starts. Under SnapStart the key is part of
 * the snapshot, like every other setting read at init; it is the same for every copy, which is what
 * verifying links needs.
 */
public final class SecretsManagerAckKey implements AckKeySource {
    public static final String SECRET_VARIABLE = "HUZHU_ACK_KEY_SECRET";
    public static final String ENDPOINT_VARIABLE = SecretValues.ENDPOINT_VARIABLE;

    private final SecretValues client;
    private final String secretId;

    public SecretsManagerAckKey(SecretValues client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    public static SecretsManagerAckKey fromEnvironment(AwsClients clients) {
        String secret = System.getenv(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) throw new IllegalStateException(SECRET_VARIABLE + " is not set");
        return new SecretsManagerAckKey(SecretValues.of(clients), secret);
    }

    @Override
    public byte[] ackKey() {
        String value;
        try {
            value = client.secretString(secretId);
        } catch (AwsApi.Failure e) {
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
