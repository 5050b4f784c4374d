package huzhu.aws.secrets;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.kernel.JsonText;
import java.net.URI;
import java.util.Map;

/** Secrets Manager's {@code GetSecretValue}: the text of a secret; an {@link AwsApi.Failure} when it cannot be read. */
public interface SecretValues {
    String ENDPOINT_VARIABLE = "HUZHU_SECRETSMANAGER_ENDPOINT";

    /** @return the secret's {@code SecretString}; null when it holds none */
    String secretString(String secretId);

    /** Secrets Manager on the function's shared HTTP client (endpoint from HUZHU_SECRETSMANAGER_ENDPOINT). */
    static SecretValues of(AwsClients clients) {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        AwsApi api = new AwsApi(clients, "secretsmanager", override, clients.http());
        return secretId -> {
            String reply = api.json(AwsApi.JSON_1_1, "secretsmanager.GetSecretValue",
                    JsonText.write(Map.of("SecretId", secretId)));
            Map<String, Object> json;
            try {
                json = JsonText.object(JsonText.parse(reply));
            } catch (IllegalArgumentException e) {
                throw new AwsApi.Failure(200, null, "Secrets Manager's answer is not JSON", e);
            }
            return json == null ? null : JsonText.text(json, "SecretString");
        };
    }
}
