package huzhu.core.service;

import huzhu.core.rules.AckTokens;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Settings the services need, read once from the environment by the edge. {@code publicBaseUrl} is
 * where people's links point (ack links, personal emergency links). In AWS the HTTP functions cannot be
 * told their own API's URL (CloudFormation would see a cycle), so when it is blank they learn it from
 * the first request API Gateway hands them.
 */
public final class ServiceConfig {
    private final AtomicReference<String> publicBaseUrl;
    private final String smsSignature;
    private final AckTokens ackTokens;

    /**
     * With an ack key of its own (tests, tools): links verify only through this config. A function must pass
     * the union's key instead, or links one function signs would not open in another.
     */
    public ServiceConfig(String publicBaseUrl, String smsSignature) {
        this(publicBaseUrl, smsSignature, AckTokens.withRandomKey());
    }

    public ServiceConfig(String publicBaseUrl, String smsSignature, AckTokens ackTokens) {
        this.publicBaseUrl = new AtomicReference<>(trim(publicBaseUrl));
        this.smsSignature = smsSignature;
        this.ackTokens = ackTokens;
    }

    public AckTokens ackTokens() {
        return ackTokens;
    }

    public String publicBaseUrl() {
        return publicBaseUrl.get();
    }

    public String smsSignature() {
        return smsSignature;
    }

    /** Takes {@code url} as the public base URL unless one is already known. */
    public void learnPublicBaseUrl(String url) {
        if (url != null && !url.isBlank()) publicBaseUrl.compareAndSet("", trim(url));
    }

    public String ackLink(String token) {
        return publicBaseUrl() + "/v1/acks/" + token;
    }

    /** The link in the alert SMS to this recipient of this incident. */
    public String ackLink(String incidentCode, String incidentId, String recipientId) {
        return ackLink(ackTokens.token(incidentCode, incidentId, recipientId));
    }

    public String triggerLink(String token) {
        return publicBaseUrl() + "/v1/triggers/" + token;
    }

    private static String trim(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }
}
