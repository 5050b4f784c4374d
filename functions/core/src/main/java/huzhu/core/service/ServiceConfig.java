package huzhu.core.service;

/**
 * Settings the services need, read once from the environment by the edge.
 * {@code publicBaseUrl} is where people's links point (ack links, personal emergency links).
 */
public record ServiceConfig(String publicBaseUrl, String smsSignature) {
    public ServiceConfig {
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }

    public String ackLink(String token) {
        return publicBaseUrl + "/v1/acks/" + token;
    }

    public String triggerLink(String token) {
        return publicBaseUrl + "/v1/triggers/" + token;
    }
}
