package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import huzhu.core.log.JsonLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What stands in front of the HTTP API. In AWS that is a CloudFront distribution with the WAF web ACL whose
 * per-address rate rules keep one source from starving the public routes (template.yaml, EdgeDistribution, and
 * infra/edge/web-acl.yaml). Behind it API Gateway sees CloudFront's address, not the person's, so:
 * <ul>
 * <li>CloudFront adds {@link #SECRET_HEADER} to every request it passes on (an origin custom header, the value a
 * secret only CloudFront and these functions know); a request without it came around the front and is refused
 * (403) before any route, store or SMS is touched;</li>
 * <li>its viewer-request function sets {@link #VIEWER_ADDRESS_HEADER} and {@link #VIEWER_HOST_HEADER} from the
 * viewer's connection and Host, replacing whatever the viewer sent. Only with the secret present are they
 * believed: the request is then seen from the viewer's address (the per-address limits count people, not
 * CloudFront's edge servers) and links are built on the name the person used.</li>
 * </ul>
 * {@link #NONE}: nothing in front (the local stack, tests); requests are taken as API Gateway reports them.
 */
public final class Edge {
    /** The origin custom header CloudFront adds; its value is the EdgeOriginSecret of template.yaml. */
    public static final String SECRET_HEADER = "x-huzhu-edge";
    /** The environment variable naming that secret (its ARN) on the HTTP functions. */
    public static final String SECRET_VARIABLE = "HUZHU_EDGE_SECRET";
    /** The viewer's IP address, set by the viewer-request CloudFront Function. */
    public static final String VIEWER_ADDRESS_HEADER = "x-huzhu-viewer-address";
    /** The Host the viewer asked for (the distribution's or an alias), set by the same function. */
    public static final String VIEWER_HOST_HEADER = "x-huzhu-viewer-host";
    /** Nothing in front. */
    public static final Edge NONE = new Edge(null);

    static final int MIN_SECRET_CHARS = 32;
    private static final Pattern IP_ADDRESS =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private final byte[] secret;

    private Edge(byte[] secret) {
        this.secret = secret;
    }

    /** CloudFront in front, sending {@code secret} in {@link #SECRET_HEADER}. */
    public static Edge cloudFront(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_CHARS) {
            throw new IllegalStateException("the edge secret must have at least " + MIN_SECRET_CHARS + " characters");
        }
        return new Edge(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The event as the routes are to see it. Behind CloudFront: refused (403) without the secret; otherwise the
     * secret header removed, {@code requestContext.http.sourceIp} the viewer's address and
     * {@code requestContext.domainName} the viewer's host. A request with the secret but without a usable viewer
     * address means the viewer-request function is missing: a misconfiguration, failed loudly (503), never
     * answered as if every person had CloudFront's address.
     */
    APIGatewayV2HTTPEvent admit(APIGatewayV2HTTPEvent event) {
        if (secret == null) return event;
        Map<String, String> headers = lowerCased(event.getHeaders());
        String presented = headers.get(SECRET_HEADER);
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("routeKey", event.getRouteKey());
            log.put("secret", presented == null ? "absent" : "wrong");
            JsonLog.warn("edge.refused", log);
            throw RequestRejected.notThroughTheEdge();
        }
        String viewer = headers.get(VIEWER_ADDRESS_HEADER);
        String host = headers.get(VIEWER_HOST_HEADER);
        if (viewer == null || viewer.length() > 45 || !IP_ADDRESS.matcher(viewer).matches()
                || host == null || !HOST.matcher(host).matches()) {
            throw new IllegalStateException("CloudFront sent no usable " + VIEWER_ADDRESS_HEADER + " or "
                    + VIEWER_HOST_HEADER + ": is the viewer-request function attached?");
        }
        headers.remove(SECRET_HEADER);
        event.setHeaders(headers);
        event.getRequestContext().getHttp().setSourceIp(viewer);
        event.getRequestContext().setDomainName(host);
        return event;
    }

    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> out = new HashMap<>();
        if (headers != null) headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
