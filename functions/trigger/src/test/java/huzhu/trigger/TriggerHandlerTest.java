package huzhu.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.CareConfig;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.TriggerService;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.Sleeper;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Edge;
import huzhu.http.Json;
import java.time.Duration;
import huzhu.testing.PageSecurity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerHandlerTest {
    private static final String TOKEN = "Qm9vdHN0cmFwVG9rZW4x";
    private static final String FAMILY = "+8613800138000";
    /** What the trigger-post-via-cloudfront fixture carries in the header CloudFront adds. */
    private static final String EDGE_SECRET = "edge-secret-for-tests-0123456789abcdefghij";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, MutableClock.atT0(),
            new SequentialIds(7), new ServiceConfig("https://huzhu.example", null));
    private final TriggerHandler handler = new TriggerHandler(services);

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
    void post_asTheBytesLambdaHandsAStreamHandler_isAnsweredWithTheJsonApiGatewayReads() throws Exception {
        // given
        byte[] event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/trigger-post.json")) {
            event = in.readAllBytes();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        // when
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);

        // then
        JsonNode response = Json.mapper().readTree(answer.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        JsonNode body = Json.mapper().readTree(response.get("body").asText());
        Incident incident = store.incidents().get(body.get("incidentId").asText()).orElseThrow();
        assertThat(body.get("code").asText()).isEqualTo(incident.code());
        assertThat(response.get("headers").get("Content-Type").asText()).startsWith("application/json");
        assertThat(sms.sentTo(Fixtures.phone(11))).hasSize(1);
    }

    @Test
    void page_forbidsFramingAndReferrers_andRunsOnlyItsOwnInlineScriptAndStyle() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<script>").contains("<style>");
        assertThat(PageSecurity.problems(response.getHeaders(), response.getBody())).isEmpty();
        assertThat(response.getHeaders().get("Content-Security-Policy")).contains("connect-src 'self'");
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void behindCloudFront_thePerAddressLimit_countsEachViewer_notTheCloudFrontAddressTheyAllArriveFrom() {
        // given a handler behind CloudFront, and a viewer who used up their address's allowance on a dead link
        TriggerHandler behindCloudFront = new TriggerHandler(services, Edge.cloudFront(EDGE_SECRET));
        for (int i = 0; i < TriggerService.MISSES_PER_ADDRESS.max(); i++) {
            assertThat(behindCloudFront.handleRequest(deadLinkViaCloudFront("203.0.113.9"), null).getStatusCode())
                    .isEqualTo(404);
        }

        // when the same viewer, and then another one through the same CloudFront address, try again
        APIGatewayV2HTTPResponse sameViewer = behindCloudFront.handleRequest(deadLinkViaCloudFront("203.0.113.9"),
                null);
        APIGatewayV2HTTPResponse otherViewer = behindCloudFront.handleRequest(deadLinkViaCloudFront("198.51.100.20"),
                null);

        // then
        assertThat(sameViewer.getStatusCode()).isEqualTo(429);
        assertThat(otherViewer.getStatusCode()).isEqualTo(404);
    }

    @Test
    void behindCloudFront_aTriggerSentAroundIt_is403_andOpensNothing() {
        // given straight to the API's own address, with a viewer address of the sender's choosing
        TriggerHandler behindCloudFront = new TriggerHandler(services, Edge.cloudFront(EDGE_SECRET));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post-around-cloudfront.json");

        // when
        APIGatewayV2HTTPResponse response = behindCloudFront.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(allIncidents()).isEmpty();
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void behindCloudFront_aTrigger_opensTheIncident_likeAnyOther() throws Exception {
        // given
        TriggerHandler behindCloudFront = new TriggerHandler(services, Edge.cloudFront(EDGE_SECRET));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post-via-cloudfront.json");

        // when
        APIGatewayV2HTTPResponse response = behindCloudFront.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(allIncidents()).hasSize(1);
    }

    /** A link nobody holds, opened (GET) by a viewer at {@code address}, as API Gateway passes it on from CloudFront. */
    private static APIGatewayV2HTTPEvent deadLinkViaCloudFront(String address) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post-via-cloudfront.json");
        event.setRouteKey("GET /v1/triggers/{triggerToken}");
        event.setRawPath("/v1/triggers/no-such-link");
        event.getRequestContext().getHttp().setPath("/v1/triggers/no-such-link");
        event.getRequestContext().getHttp().setMethod("GET");
        event.setPathParameters(new HashMap<>(Map.of("triggerToken", "no-such-link")));
        event.setBody(null);
        event.getHeaders().put(Edge.VIEWER_ADDRESS_HEADER, address);
        return event;
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
        assertThat(error.get("message").asText()).contains("求助链接已失效", "120");
        assertThat(allIncidents()).isEmpty();
    }

    @Test
    void aRotatedLink_tapped_isAnsweredWithWhatToDoInstead_call120AndTheUnionsNumber() throws Exception {
        // given a link that was rotated away, at a union whose number is known
        store.triggerTokens().bind("m-1", Hashes.sha256("a-new-token"));
        TriggerHandler withNumber = handlerForUnionNumber("10690123");
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post.json");

        // when
        APIGatewayV2HTTPResponse response = withNumber.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(response.getBody()).get("error").get("message").asText())
                .contains("120", "10690123");
        assertThat(allIncidents()).isEmpty();
    }

    @Test
    void aRotatedLink_opened_showsAPageThatSaysCall120_andTheUnionsNumber_notABareError() {
        // given
        store.triggerTokens().bind("m-1", Hashes.sha256("a-new-token"));
        TriggerHandler withNumber = handlerForUnionNumber("10690123");
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = withNumber.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        assertThat(response.getBody()).contains("求助链接已失效", "href=\"tel:120\"", "href=\"sms:10690123\"",
                "lang=\"en\"", "call 120").doesNotContain("出错了");
    }

    @Test
    void aDeadLink_atAUnionWithoutAKnownNumber_stillSaysCall120_andHowToReachTheUnion() {
        // given
        store.triggerTokens().bind("m-1", Hashes.sha256("a-new-token"));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("href=\"tel:120\"", "回复工会发给您的短信").doesNotContain("sms:");
    }

    private TriggerHandler handlerForUnionNumber(String number) {
        CareConfig care = new CareConfig(number, 10, Duration.ofDays(7), false, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        return new TriggerHandler(Services.create(store, sms, LeaderAnnouncements.NONE, EscalationTimer.NONE,
                MutableClock.atT0(), new SequentialIds(7), new ServiceConfig("https://huzhu.example", null),
                new Services.Care(care, NoticeBroadcast.NONE, Sleeper.REAL)));
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
