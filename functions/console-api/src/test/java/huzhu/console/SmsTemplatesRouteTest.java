package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v1/sms/templates: the registration sheet from the catalogue, for admins only. */
class SmsTemplatesRouteTest {
    private final Services services = Services.create(new InMemoryStore(), new RecordingMessenger(),
            EscalationTimer.NONE, MutableClock.atT0(), new SequentialIds(5),
            new ServiceConfig("https://huzhu.example", "【唐山市总工会】"));
    private final ConsoleApiHandler handler = new ConsoleApiHandler(services);

    @Test
    void anAdmin_getsTheAlibabaSheetAsJson_withTheUnionsSignatureInTheSamples() throws Exception {
        // when
        APIGatewayV2HTTPResponse r = call("[admin]", Map.of());

        // then
        assertThat(r.getStatusCode()).as(Bodies.text(r)).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(Bodies.text(r));
        assertThat(body.get("provider").asText()).isEqualTo("aliyun");
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("template").asText()).isEqualTo("alert.noLink");
        assertThat(first.get("language").asText()).isEqualTo("zh-CN");
        assertThat(first.get("text").asText()).contains("${code}").doesNotContain("http");
        assertThat(first.get("sample").asText()).startsWith("【唐山市总工会】");
        assertThat(first.get("variables").get(0).get("maxLength").asInt()).isEqualTo(6);
    }

    @Test
    void theTencentSheet_comesAsCsv_forASpreadsheet() {
        // when
        APIGatewayV2HTTPResponse r = call("[admin]", Map.of("provider", "tencent", "format", "csv", "signName", "互助"));

        // then
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("text/csv");
        assertThat(Bodies.text(r)).startsWith("\uFEFFprovider,template,").contains("tencent,receipt,zh-CN", "{1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[officer]", "[viewer]"})
    void anyoneButAnAdmin_isRefused(String groups) {
        assertThat(call(groups, Map.of()).getStatusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownProviderOrFormat_is422() throws Exception {
        // when
        APIGatewayV2HTTPResponse provider = call("[admin]", Map.of("provider", "twilio"));
        APIGatewayV2HTTPResponse format = call("[admin]", Map.of("format", "pdf"));

        // then
        assertThat(provider.getStatusCode()).isEqualTo(422);
        assertThat(Json.mapper().readTree(Bodies.text(provider)).get("error").get("fields").has("provider")).isTrue();
        assertThat(format.getStatusCode()).isEqualTo(422);
    }

    private APIGatewayV2HTTPResponse call(String groups, Map<String, String> query) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/console-post-member-jwt.json");
        e.setRouteKey("GET /v1/sms/templates");
        e.getRequestContext().setRouteKey("GET /v1/sms/templates");
        e.setRawPath("/v1/sms/templates");
        e.getRequestContext().getHttp().setMethod("GET");
        e.getRequestContext().getHttp().setPath("/v1/sms/templates");
        e.setPathParameters(null);
        e.setQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query));
        e.setBody(null);
        e.getHeaders().remove("content-type");
        e.getHeaders().remove("content-length");
        e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", groups);
        return handler.handleRequest(e, null);
    }
}
