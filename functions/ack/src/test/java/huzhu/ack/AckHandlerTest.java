package huzhu.ack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.AckTokens;
import huzhu.core.incident.Alert;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import huzhu.testing.PageSecurity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The link in an alert SMS, fed the events API Gateway (HTTP API, payload 2.0) sends. The incident is
 * opened through the real dispatcher; with {@link SequentialIds} and {@link #FIXTURE_KEY} the two
 * neighbours' ack tokens are {@code L36pfE9rS3Rfn} (刘强, zh-CN) and {@code L36PS2VGlFxZl} (Tom, en), the
 * tokens the fixtures carry.
 */
class AckHandlerTest {
    /** The ack key the fixtures' tokens were signed with. */
    private static final byte[] FIXTURE_KEY = "ack-key-of-the-handler-fixtures!".getBytes(StandardCharsets.US_ASCII);
    private static final String LIU_TOKEN = "L36pfE9rS3Rfn";
    private static final String TOM_TOKEN = "L36PS2VGlFxZl";
    private static final String MEMBER = Fixtures.phone(1);
    private static final String FATHER = Fixtures.phone(2);
    private static final String LIU = Fixtures.phone(11);
    private static final String TOM = Fixtures.phone(12);

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(7),
            new ServiceConfig("https://huzhu.example", null, new AckTokens(FIXTURE_KEY)));
    private final AckHandler handler = new AckHandler(services);
    private Incident incident;

    @BeforeEach
    void theFatherHasAskedForHelp_andTwoNeighboursWereAlerted() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(MEMBER).home("武汉市", "江汉区")
                .address("武汉市江汉区新华路 88 号 3 栋 502").family("王德福", "父亲", FATHER).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(LIU).area("武汉市", "江汉区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").name("Tom").phone(TOM).area("武汉市", "江汉区")
                .language(Language.EN).build());
        incident = services.dispatcher().open(new NewIncident(null, "m-1", IncidentType.MEDICAL, "老伴胸口疼", null,
                new Reporter(FATHER, "王德福", Channel.SMS, true), Language.ZH_CN));
        assertThat(tokenOf("v-1")).as("the fixtures' token for 刘强").isEqualTo(LIU_TOKEN);
        assertThat(tokenOf("v-2")).as("the fixtures' token for Tom").isEqualTo(TOM_TOKEN);
        clock.advance(Duration.ofSeconds(40));
        sms.clear();
    }

    // ------------------------------------------------------------------ GET: the page

    @Test
    void get_showsTheAlertedPersonTheCodeAddressAndButtons_inChinese() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getBody())
                .contains("lang=\"zh-CN\"")
                .contains("紧急求助 " + incident.code())
                .contains("武汉市江汉区新华路 88 号 3 栋 502")
                .contains("老伴胸口疼")
                .contains("王德福")
                .contains("突发疾病")
                .contains("data-action=\"accept\"", "data-action=\"decline\"", "data-action=\"arrived\"",
                        "data-action=\"done\"")
                .contains("我去（接单）", "无法前往");
        assertThat(sms.attempts()).as("looking is not answering").isEmpty();
    }

    @Test
    void get_asTheBytesLambdaHandsAStreamHandler_answersThePageTheTypedHandlerAnswers() throws Exception {
        // given
        byte[] event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/ack-get-page.json")) {
            event = in.readAllBytes();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        // when
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);

        // then
        APIGatewayV2HTTPResponse streamed = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
                getClass().getClassLoader()).fromJson(answer.toString(StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse typed = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json"), null);
        assertThat(streamed.getStatusCode()).isEqualTo(200);
        assertThat(streamed).usingRecursiveComparison().isEqualTo(typed);
    }

    @Test
    void page_andTheExpiredPage_forbidFramingAndReferrers_andRunOnlyTheirOwnInlineCode() {
        // given
        APIGatewayV2HTTPEvent page = EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json");
        APIGatewayV2HTTPEvent expired = EventLoader.loadApiGatewayHttpEvent("events/ack-get-unknown-token.json");

        // when
        APIGatewayV2HTTPResponse shown = handler.handleRequest(page, null);
        APIGatewayV2HTTPResponse gone = handler.handleRequest(expired, null);

        // then
        assertThat(shown.getStatusCode()).isEqualTo(200);
        assertThat(shown.getBody()).contains("<script>");
        assertThat(PageSecurity.problems(shown.getHeaders(), shown.getBody())).isEmpty();
        assertThat(gone.getStatusCode()).isEqualTo(404);
        assertThat(PageSecurity.problems(gone.getHeaders(), gone.getBody())).isEmpty();
    }

    @Test
    void get_showsAnEnglishSpeakingVolunteerThePageInEnglish() {
        // given
        APIGatewayV2HTTPEvent event = withToken(EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json"),
                TOM_TOKEN);

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("lang=\"en\"")
                .contains("Emergency " + incident.code())
                .contains("medical emergency")
                .contains("武汉市江汉区新华路 88 号 3 栋 502")
                .contains("I&#39;ll go (accept)", "Arrived", "Done")
                .doesNotContain("我去（接单）");
    }

    @Test
    void get_escapesWhatTheReporterWrote() {
        // given a message typed by a stranger
        store.incidents().update(Fixtures.edited(incident()).message("<script>alert('x')</script>").build());
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void get_withAnUnknownToken_is404_aPageSayingTheLinkExpired() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/ack-get-unknown-token.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        assertThat(response.getBody()).contains("链接已失效").contains("该链接无效或已过期").contains("not valid");
    }

    @Test
    void get_afterTheIncidentWasCancelled_is404_andRevealsNothingAboutIt() {
        // given an old SMS forwarded after the false alarm was called off
        services.incidents().cancel(incident.id(), "误报", "周干事");
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("链接已失效")
                .doesNotContain("新华路").doesNotContain(incident.code()).doesNotContain("老伴胸口疼");
    }

    // ------------------------------------------------------------------ POST: the actions

    @Test
    void accept_is200WithTheNewStatus_andTheFamilyIsToldWhoIsComing() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("incidentId").asText()).isEqualTo(incident.id());
        assertThat(body.get("status").asText()).isEqualTo("acknowledged");
        assertThat(body.get("message").asText()).contains(incident.code()).contains("谢谢");
        assertThat(sms.bodiesTo(FATHER)).singleElement().asString().contains("刘强").contains(LIU)
                .contains(incident.code());
        assertThat(sms.bodiesTo(MEMBER)).singleElement().asString().contains("刘强");
        assertThat(sms.bodiesTo(TOM)).singleElement().asString().contains(incident.code()).contains("No need to go");
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(now.responders()).singleElement().satisfies(r -> assertThat(r.recipientId()).isEqualTo("v-1"));
    }

    @Test
    void secondAccept_isToldAlreadyTaken_whenTheFirstWon() throws Exception {
        // given 刘强 accepted first
        handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json"), null);
        APIGatewayV2HTTPEvent tom = withToken(EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json"),
                TOM_TOKEN);

        // when Tom taps "I'll go" on his (still open) page
        APIGatewayV2HTTPResponse response = handler.handleRequest(tom, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("acknowledged");
        assertThat(body.get("message").asText()).contains("already taken by 刘强").contains("No need to go");
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(now.responders()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("刘强"));
    }

    @Test
    void acceptingTwice_isToldItIsAlreadyYours_andTheFamilyIsToldOnce() throws Exception {
        // given
        handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json"), null);

        // when the page is tapped again
        APIGatewayV2HTTPResponse again = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json"), null);

        // then
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(json(again).get("message").asText()).contains("您已接单");
        assertThat(sms.bodiesTo(FATHER)).hasSize(1);
    }

    @Test
    void decline_isRecorded_andTheIncidentStaysOpenForTheOtherNeighbour() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = post(LIU_TOKEN, "{\"action\":\"decline\"}");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(body.get("message").asText()).contains("无法前往").contains(incident.code());
        assertThat(alert("v-1").status()).isEqualTo(AlertStatus.DECLINED);
        assertThat(alert("v-2").status()).isEqualTo(AlertStatus.SENT);
    }

    @Test
    void arrivedBeforeAccepting_asksToAcceptFirst_andRecordsNothing() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = post(LIU_TOKEN, "{\"action\":\"arrived\"}");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("message").asText()).contains("请先接单");
        assertThat(store.incidents().get(incident.id()).orElseThrow().responders()).isEmpty();
    }

    @Test
    void arrivedThenDone_recordsTheArrival_resolvesTheIncident_andTheLinkThenExpires() throws Exception {
        // given
        handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json"), null);
        clock.advance(Duration.ofMinutes(6));

        // when
        APIGatewayV2HTTPResponse arrived = handler.handleRequest(post(LIU_TOKEN, "{\"action\":\"arrived\"}"), null);
        clock.advance(Duration.ofMinutes(30));
        APIGatewayV2HTTPResponse done = handler.handleRequest(post(LIU_TOKEN, "{\"action\": \" DONE \"}"), null);

        // then
        assertThat(arrived.getStatusCode()).isEqualTo(200);
        assertThat(json(arrived).get("status").asText()).isEqualTo("acknowledged");
        assertThat(json(arrived).get("message").asText()).contains("已记录您到达");
        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(json(done).get("status").asText()).isEqualTo("resolved");
        assertThat(json(done).get("message").asText()).contains("已完成");
        Incident now = store.incidents().get(incident.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(now.responders().get(0).arrivedAt()).isEqualTo(Fixtures.T0.plusSeconds(40 + 360));
        APIGatewayV2HTTPResponse page = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/ack-get-page.json"), null);
        assertThat(page.getStatusCode()).isEqualTo(404);
    }

    @Test
    void postToAnUnknownToken_is404_inTheContractsErrorShape() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = post("Fw9dOldLink7", "{\"action\":\"accept\"}");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        JsonNode error = errorOf(response);
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).contains("该链接无效或已过期");
        assertThat(sms.attempts()).isEmpty();
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void unknownAction_is422_namingTheActionField_andChangesNothing() throws Exception {
        // given
        Incident before = incident();
        APIGatewayV2HTTPEvent event = post(LIU_TOKEN, "{\"action\":\"maybe\"}");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        JsonNode error = errorOf(response);
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        assertThat(error.get("fields").get("action").asText()).contains("accept");
        assertThat(incident()).isEqualTo(before);
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void missingAction_is422_namingTheActionField() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = post(LIU_TOKEN, "{}");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(errorOf(response).get("fields").has("action")).isTrue();
    }

    @Test
    void malformedJson_is400_andAcceptsNothing() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/ack-post-malformed.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errorOf(response).get("code").asText()).isEqualTo("malformed_json");
        assertThat(store.incidents().get(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void bodyOver64KiB_is413_countingBytesNotCharacters_andAcceptsNothing() throws Exception {
        // given 22 000 Chinese characters: fewer than 65 536 chars, but 66 000 bytes of UTF-8
        String padding = "救".repeat(22_000);
        APIGatewayV2HTTPEvent event = post(LIU_TOKEN, "{\"action\":\"accept\",\"note\":\"" + padding + "\"}");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(errorOf(response).get("code").asText()).isEqualTo("too_large");
        assertThat(store.incidents().get(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void bodyOfExactly64KiB_isStillRead() throws Exception {
        // given
        String head = "{\"action\":\"accept\",\"note\":\"";
        String tail = "\"}";
        String body = head + "x".repeat(64 * 1024 - head.length() - tail.length()) + tail;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(post(LIU_TOKEN, body), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("acknowledged");
    }

    static Stream<Arguments> badPosts() {
        return Stream.of(
                Arguments.of("empty body", LIU_TOKEN, "", false),
                Arguments.of("JSON null", LIU_TOKEN, "null", false),
                Arguments.of("an array", LIU_TOKEN, "[]", false),
                Arguments.of("a bare string", LIU_TOKEN, "\"accept\"", false),
                Arguments.of("action is a number", LIU_TOKEN, "{\"action\":1}", false),
                Arguments.of("action is null", LIU_TOKEN, "{\"action\":null}", false),
                Arguments.of("action is a list", LIU_TOKEN, "{\"action\":[\"accept\"]}", false),
                Arguments.of("action is an object", LIU_TOKEN, "{\"action\":{\"do\":\"accept\"}}", false),
                Arguments.of("two documents", LIU_TOKEN, "{\"action\":\"decline\"} {\"action\":\"accept\"}", false),
                Arguments.of("not JSON at all", LIU_TOKEN, "action=accept", false),
                Arguments.of("base64 that is not base64", LIU_TOKEN, "%%%not-base64%%%", true),
                Arguments.of("base64 of garbage", LIU_TOKEN,
                        Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}), true),
                Arguments.of("a 200-character token", "a".repeat(200), "{\"action\":\"accept\"}", false),
                Arguments.of("an empty-looking token", "%20", "{\"action\":\"accept\"}", false),
                Arguments.of("a broken percent escape", "%E4%B8", "{\"action\":\"accept\"}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPosts")
    void badInput_isAnsweredWith4xxInTheErrorShape_never5xx(String what, String token, String body, boolean base64)
            throws Exception {
        // given
        APIGatewayV2HTTPEvent event = post(token, body);
        event.setIsBase64Encoded(base64);

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).as(what).isBetween(400, 499);
        JsonNode error = errorOf(response);
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("fields").isObject()).isTrue();
        assertThat(store.incidents().get(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void anotherMethod_is405_withAllow() {
        // given
        APIGatewayV2HTTPEvent event = post(LIU_TOKEN, "{\"action\":\"accept\"}");
        event.getRequestContext().getHttp().setMethod("DELETE");
        event.setRouteKey("$default");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders().get("Allow")).contains("GET").contains("POST");
    }

    // ------------------------------------------------------------------ helpers

    private Incident incident() {
        return store.incidents().get(incident.id()).orElseThrow();
    }

    private Alert alert(String recipientId) {
        return incident().alertFor(recipientId).orElseThrow();
    }

    /** The accept fixture, sent to {@code token} with {@code body}. */
    private static APIGatewayV2HTTPEvent post(String token, String body) {
        APIGatewayV2HTTPEvent event = withToken(EventLoader.loadApiGatewayHttpEvent("events/ack-post-accept.json"),
                token);
        event.setBody(body);
        event.getHeaders().put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        return event;
    }

    /** The same request for another person's link: every place API Gateway puts the path. */
    private String tokenOf(String recipientId) {
        return services.config().ackTokens().token(incident.code(), incident.id(), recipientId);
    }

    private static APIGatewayV2HTTPEvent withToken(APIGatewayV2HTTPEvent event, String token) {
        String path = "/v1/acks/" + token;
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(Map.of("ackToken", token));
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }

    private static JsonNode errorOf(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        JsonNode error = body.get("error");
        assertThat(error.fieldNames()).toIterable().containsExactlyInAnyOrder("code", "message", "fields");
        return error;
    }
}
