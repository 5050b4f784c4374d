package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.Map;

/**
 * Requests for SnapStart priming ({@code huzhu.aws.Priming}): served straight to a handler's router, they
 * run its real path — routing, JSON, the store, the error body — and end in a 404 that changes nothing.
 * They carry no domain name, so nothing learns a public URL from them, and no source IP.
 */
public final class PrimingRequests {
    /** A token or id no one can hold: every lookup of it misses. */
    public static final String NOBODY = "priming-0000000000000000";

    private PrimingRequests() {
    }

    /** A request as API Gateway's HTTP API (2.0) hands it over; {@code claims} null for a public route. */
    public static APIGatewayV2HTTPEvent event(String method, String routeKey, String rawPath,
            Map<String, String> pathParameters, String body, Map<String, String> claims) {
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withRouteKey(method + " " + routeKey)
                .withRequestId("priming")
                .withHttp(RequestContext.Http.builder().withMethod(method).withPath(rawPath).build());
        if (claims != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + routeKey)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(body == null ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", "application/json"))
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context.build())
                .build();
    }
}
