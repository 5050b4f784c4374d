package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.HashMap;
import java.util.Map;

/** HTTP API (payload 2.0) events as API Gateway hands them to a function, for tests that call handlers directly. */
public final class ApiEvents {
    private ApiEvents() {
    }

    public static APIGatewayV2HTTPEvent request(String method, String template, String path,
            Map<String, String> pathParameters, Map<String, String> query, Map<String, String> headers, String body,
            boolean base64, Map<String, String> claims, String sourceIp) {
        RequestContext.Http http = RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp(sourceIp).withUserAgent("huzhu-test").build();
        var ctx = RequestContext.builder().withHttp(http).withStage("$default").withRequestId("req-1")
                .withRouteKey(method + " " + template).withDomainName("huzhu.example").withAccountId("123456789012")
                .withApiId("api1");
        if (claims != null) {
            ctx.withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                    .withClaims(claims).withScopes(null).build()).build());
        }
        Map<String, String> h = new HashMap<>(headers);
        h.putIfAbsent("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + template)
                .withRawPath(path).withRawQueryString("").withHeaders(h).withQueryStringParameters(query)
                .withPathParameters(pathParameters).withRequestContext(ctx.build()).withBody(body)
                .withIsBase64Encoded(base64).build();
    }

    public static Map<String, String> admin() {
        return Map.of("sub", "admin-1", "cognito:username", "chair", "cognito:groups", "[admin]");
    }
}
