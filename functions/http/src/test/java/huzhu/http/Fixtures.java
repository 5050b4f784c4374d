package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Events in the exact shape API Gateway sends, read by the Lambda runtime's own deserializers. */
final class Fixtures {
    private Fixtures() {
    }

    /** GET /v1/members/{id}, JWT with {@code "cognito:groups": "[admin officer]"}. */
    static APIGatewayV2HTTPEvent consoleGet() {
        return load("console-get-member-jwt.json");
    }

    /**
     * The same route with a Cognito ID token (as the console sends it): {@code email}, a {@code name} its holder
     * may have typed, and groups that only look like admin: {@code "[Admin branch,admin admin-branch]"}.
     */
    static APIGatewayV2HTTPEvent consoleGetWithLookalikeGroups() {
        return load("console-get-member-id-token-lookalike-groups.json");
    }

    /** POST /v1/triggers/{token} through {@code $default}, no authorizer, JSON body. */
    static APIGatewayV2HTTPEvent trigger() {
        return load("trigger-public.json");
    }

    static APIGatewayV2HTTPEvent triggerBase64() {
        return load("trigger-public-base64.json");
    }

    static APIGatewayV2HTTPEvent triggerMalformed() {
        return load("trigger-public-malformed.json");
    }

    static APIGatewayV2HTTPEvent load(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + name);
    }

    /** A copy of the console fixture for another method, path and body (claims kept). */
    static APIGatewayV2HTTPEvent console(String method, String path, String body) {
        APIGatewayV2HTTPEvent e = consoleGet();
        e.setRouteKey("$default");
        e.getRequestContext().setRouteKey("$default");
        e.setRawPath(path);
        e.getRequestContext().getHttp().setMethod(method);
        e.getRequestContext().getHttp().setPath(path);
        e.setPathParameters(null);
        e.setQueryStringParameters(null);
        e.setRawQueryString("");
        e.setBody(body);
        return e;
    }

    static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent e, Map<String, String> query) {
        e.setQueryStringParameters(new HashMap<>(query));
        return e;
    }

    static ErrorBody.Detail error(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readValue(response.getBody(), ErrorBody.class).error();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
