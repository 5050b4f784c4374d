package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.core.kernel.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API (payload format 2.0) events read, and answers written, with {@link JsonText}: a function that takes
 * its event as a stream spares its cold start the Lambda runtime's own Jackson serializers (about a fifth of the
 * classes it loaded before its first answer). Reads every field huzhu's handlers use, as the runtime's serializer
 * reads them; the IAM and Lambda authorizers' contexts are left out (our routes use none).
 */
public final class HttpApiEvents {
    private HttpApiEvents() {
    }

    /** The event in {@code in}; text that is not one JSON object fails, as the runtime's serializer does. */
    public static APIGatewayV2HTTPEvent read(InputStream in) throws IOException {
        Map<String, Object> json = JsonText.object(JsonText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        if (json == null) throw new IllegalArgumentException("an HTTP API event is a JSON object");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(json, "version"));
        event.setRouteKey(text(json, "routeKey"));
        event.setRawPath(text(json, "rawPath"));
        event.setRawQueryString(text(json, "rawQueryString"));
        event.setCookies(texts(json.get("cookies")));
        event.setHeaders(textMap(json.get("headers")));
        event.setQueryStringParameters(textMap(json.get("queryStringParameters")));
        event.setPathParameters(textMap(json.get("pathParameters")));
        event.setStageVariables(textMap(json.get("stageVariables")));
        event.setBody(text(json, "body"));
        event.setIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));
        Map<String, Object> context = JsonText.object(json.get("requestContext"));
        if (context != null) event.setRequestContext(requestContext(context));
        return event;
    }

    /** The answer as API Gateway reads it; fields without a value are left out. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statusCode", response.getStatusCode());
        putIfSet(json, "headers", response.getHeaders());
        putIfSet(json, "multiValueHeaders", response.getMultiValueHeaders());
        putIfSet(json, "cookies", response.getCookies());
        putIfSet(json, "body", response.getBody());
        json.put("isBase64Encoded", response.getIsBase64Encoded());
        out.write(JsonText.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static APIGatewayV2HTTPEvent.RequestContext requestContext(Map<String, Object> json) {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRouteKey(text(json, "routeKey"));
        context.setAccountId(text(json, "accountId"));
        context.setStage(text(json, "stage"));
        context.setApiId(text(json, "apiId"));
        context.setDomainName(text(json, "domainName"));
        context.setDomainPrefix(text(json, "domainPrefix"));
        context.setTime(text(json, "time"));
        context.setRequestId(text(json, "requestId"));
        if (json.get("timeEpoch") instanceof BigDecimal epoch) context.setTimeEpoch(epoch.longValue());
        Map<String, Object> http = JsonText.object(json.get("http"));
        if (http != null) {
            APIGatewayV2HTTPEvent.RequestContext.Http h = new APIGatewayV2HTTPEvent.RequestContext.Http();
            h.setMethod(text(http, "method"));
            h.setPath(text(http, "path"));
            h.setProtocol(text(http, "protocol"));
            h.setSourceIp(text(http, "sourceIp"));
            h.setUserAgent(text(http, "userAgent"));
            context.setHttp(h);
        }
        Map<String, Object> authorizer = JsonText.object(json.get("authorizer"));
        if (authorizer != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer a = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            Map<String, Object> jwt = JsonText.object(authorizer.get("jwt"));
            if (jwt != null) {
                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT j = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
                j.setClaims(textMap(jwt.get("claims")));
                j.setScopes(texts(jwt.get("scopes")));
                a.setJwt(j);
            }
            context.setAuthorizer(a);
        }
        return context;
    }

    private static void putIfSet(Map<String, Object> json, String key, Object value) {
        if (value != null) json.put(key, value);
    }

    private static String text(Map<String, Object> json, String key) {
        return text(json.get(key));
    }

    /** Strings as they are, numbers and booleans as their text, anything nested as its JSON. */
    private static String text(Object value) {
        if (value == null || value instanceof String) return (String) value;
        if (value instanceof BigDecimal n) return n.toString();
        if (value instanceof Boolean b) return b.toString();
        return JsonText.write(value);
    }

    private static Map<String, String> textMap(Object value) {
        Map<String, Object> json = JsonText.object(value);
        if (json == null) return null;
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json.entrySet()) map.put(e.getKey(), text(e.getValue()));
        return map;
    }

    private static List<String> texts(Object value) {
        List<Object> json = JsonText.array(value);
        if (json == null) return null;
        List<String> list = new ArrayList<>(json.size());
        for (Object v : json) list.add(text(v));
        return list;
    }
}
