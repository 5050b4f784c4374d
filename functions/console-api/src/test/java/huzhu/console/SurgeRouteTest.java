package huzhu.console;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditEntry;
import huzhu.core.Services;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v1/surges: each district in surge with its counts, what waits (oldest first) and who is free. */
class SurgeRouteTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, new RecordingMessenger(), EscalationTimer.NONE, clock,
            new SequentialIds(9), new ServiceConfig("https://huzhu.example", null));
    private final ConsoleApiHandler handler = new ConsoleApiHandler(services);

    private List<String> sevenFamiliesOfLubeiCall() {
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("李娜").phone(phone(11))
                .area("唐山市", "路北区").maxActive(2).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").name("孙伟").phone(phone(12))
                .area("唐山市", "路南区").build());
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            store.directory().members().insert(Fixtures.member("m-" + n).phone(phone(100 + n))
                    .home("唐山市", "路北区").address("文化路" + n + "号").build());
            ids.add(services.dispatcher().open(new NewIncident(null, "m-" + n, IncidentType.MEDICAL, "煤气中毒", null,
                    new Reporter(phone(100 + n), null, Channel.HTTP, true), Language.ZH_CN)).id());
            clock.advance(Duration.ofSeconds(20));
        }
        return ids;
    }

    @Test
    void aDistrictInSurge_comesWithItsCounts_itsWaitingOldestFirst_andItsVolunteersPlaces() throws Exception {
        // given: seven families of 路北区 within two and a half minutes; 李娜 takes the first
        List<String> ids = sevenFamiliesOfLubeiCall();
        services.dispatcher().respond(ids.get(0), "v-1", Action.ACCEPT);

        // when
        APIGatewayV2HTTPResponse r = call("[viewer]");

        // then
        assertThat(r.getStatusCode()).as(Bodies.text(r)).isEqualTo(200);
        JsonNode items = Json.mapper().readTree(Bodies.text(r)).get("items");
        assertThat(items).hasSize(1);
        JsonNode lubei = items.get(0);
        assertThat(lubei.get("area").get("district").asText()).isEqualTo("路北区");
        assertThat(lubei.get("counts").get("open").asInt()).isEqualTo(6);
        assertThat(lubei.get("counts").get("acknowledged").asInt()).isEqualTo(1);
        JsonNode waiting = lubei.get("waiting");
        assertThat(waiting).hasSize(6);
        assertThat(waiting.get(0).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(waiting.get(0).get("waitingSeconds").asLong()).isEqualTo(120);
        assertThat(waiting.get(0).get("address").asText()).isEqualTo("文化路2号");
        JsonNode volunteers = lubei.get("volunteers");
        assertThat(volunteers.get(0).get("name").asText()).isEqualTo("李娜");
        assertThat(volunteers.get(0).get("holding").asInt()).isEqualTo(1);
        assertThat(volunteers.get(0).get("offers").asInt()).isEqualTo(4); // alerted before the surge, unanswered
        assertThat(volunteers.get(0).get("free").asInt()).isZero();
    }

    @Test
    void readingTheSurge_isInTheAuditLog_withHowManyWaitingIncidentsItShowed() {
        // given: the overview shows the waiting families' addresses
        sevenFamiliesOfLubeiCall();

        // when
        assertThat(call("[viewer]").getStatusCode()).isEqualTo(200);

        // then: like every read of personal data through the console
        List<AuditEntry> reads = store.audit().list(null, null, PageRequest.first(50)).items().stream()
                .filter(e -> "list".equals(e.action()) && "incident".equals(e.targetKind())).toList();
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).count()).isEqualTo(7);
    }

    @Test
    void noDistrictInSurge_isAnEmptyList() throws Exception {
        APIGatewayV2HTTPResponse r = call("[officer]");

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(Bodies.text(r)).get("items")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[admin]", "[officer]", "[viewer]"})
    void everyConsoleRole_mayReadIt(String groups) {
        assertThat(call(groups).getStatusCode()).isEqualTo(200);
    }

    @Test
    void someoneInNoGroup_isRefused() {
        assertThat(call("[]").getStatusCode()).isEqualTo(403);
    }

    private APIGatewayV2HTTPResponse call(String groups) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/console-post-member-jwt.json");
        e.setRouteKey("GET /v1/surges");
        e.getRequestContext().setRouteKey("GET /v1/surges");
        e.setRawPath("/v1/surges");
        e.getRequestContext().getHttp().setMethod("GET");
        e.getRequestContext().getHttp().setPath("/v1/surges");
        e.setPathParameters(null);
        e.setQueryStringParameters(null);
        e.setBody(null);
        e.getHeaders().remove("content-type");
        e.getHeaders().remove("content-length");
        e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", groups);
        return handler.handleRequest(e, null);
    }
}
