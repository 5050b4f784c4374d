package huzhu.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentType;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerHandlerTest {
    private static final String TOKEN = "Qm9vdHN0cmFwVG9rZW4x";
    private static final String FAMILY = "+8613800138000";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final TriggerHandler handler = new TriggerHandler(Services.create(store, sms, EscalationTimer.NONE,
            MutableClock.atT0(), new SequentialIds(7), new ServiceConfig("https://huzhu.example", null)));

    @BeforeEach
    void aMemberWithAPersonalLink_andTwoNeighbours() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1))
                .home("成都市", "武侯区").family("李秀英", "母亲", FAMILY).build());
        store.triggerTokens().bind("m-1", Hashes.sha256(TOKEN));
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11)).area("成都市", "武侯区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").phone(Fixtures.phone(12)).area("成都市", "武侯区").build());
    }

    @Test
    void post_opensAnIncident_alertsTheNeighbours_andRemindsToCall120() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = Json.mapper().readTree(response.getBody());
        Incident incident = store.incidents().get(body.get("incidentId").asText()).orElseThrow();
        assertThat(body.get("code").asText()).isEqualTo(incident.code());
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(body.get("reply").asText()).contains(incident.code()).contains("120");
        assertThat(incident.type()).isEqualTo(IncidentType.MEDICAL);
        assertThat(incident.reporter().phone()).isEqualTo(FAMILY);
        assertThat(incident.reporter().verified()).isTrue();
        assertThat(incident.location().address()).isEqualTo("成都市武侯区人民南路四段1号");
        assertThat(sms.sentTo(Fixtures.phone(11))).hasSize(1);
        assertThat(sms.sentTo(Fixtures.phone(12))).hasSize(1);
    }

    @Test
    void repeatedPost_withTheSameIdempotencyKey_returnsTheFirstIncident_andCreatesNothing() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post.json");
        String first = Json.mapper().readTree(handler.handleRequest(event, null).getBody()).get("incidentId").asText();
        int smsBefore = sms.attempts().size();

        // when
        APIGatewayV2HTTPResponse again = handler.handleRequest(event, null);

        // then
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(Json.mapper().readTree(again.getBody()).get("incidentId").asText()).isEqualTo(first);
        assertThat(allIncidents()).hasSize(1);
        assertThat(sms.attempts()).hasSize(smsBefore);
    }

    @Test
    void malformedBody_is400_andOpensNothing() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post-malformed.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"code\":\"malformed_json\"");
        assertThat(allIncidents()).isEmpty();
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void unknownToken_is404_inTheContractsErrorShape() throws Exception {
        // given a link that was rotated away
        store.triggerTokens().bind("m-1", Hashes.sha256("a-new-token"));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        JsonNode error = Json.mapper().readTree(response.getBody()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).contains("求助链接无效");
        assertThat(allIncidents()).isEmpty();
    }

    @Test
    void invalidFields_are422_namingEachField() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post.json");
        event.setBody("{\"type\":\"earthquake\",\"reporterPhone\":\"12345\",\"location\":{\"lat\":123}}");
        event.getHeaders().remove("idempotency-key");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        JsonNode fields = Json.mapper().readTree(response.getBody()).get("error").get("fields");
        assertThat(fields.has("reporterPhone")).isTrue();
        assertThat(fields.has("location.lat")).isTrue();
        assertThat(allIncidents()).isEmpty();
    }

    @Test
    void get_showsTheOneTapPage_inTheMembersLanguage() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getBody()).contains("lang=\"zh-CN\"").contains("一键求助").contains("tel:120");
        assertThat(allIncidents()).isEmpty();
    }

    private List<Incident> allIncidents() {
        return store.incidents().list(IncidentQuery.ALL, PageRequest.first(200)).items();
    }
}
