package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The audit log is written by the services as people act, never through the API: no route writes it. */
class AuditIsReadOnlyTest {
    private final InMemoryStore store = new InMemoryStore();
    private final ConsoleApiHandler handler = new ConsoleApiHandler(Services.create(store, new RecordingMessenger(),
            EscalationTimer.NONE, MutableClock.atT0(), new SequentialIds(1), new ServiceConfig("https://huzhu.example",
                    null)));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /v1/audit", "PUT, /v1/audit", "DELETE, /v1/audit", "PATCH, /v1/audit",
            "POST, /v1/audit/a-1", "PUT, /v1/audit/a-1", "DELETE, /v1/audit/a-1"})
    void writingTheAuditLog_isNoRoute_evenForAnAdmin(String method, String path) {
        // given
        InMemoryStore.Snapshot before = store.snapshot();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                .withRawPath(path).withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"at\":\"2026-01-01T00:00:00Z\",\"actor\":\"admin\",\"action\":\"member.delete\"}")
                .withRequestContext(RequestContext.builder().withStage("$default").withRequestId("r-1")
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withSourceIp("198.51.100.1").build())
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT
                                .builder().withClaims(Map.of("sub", "a-1", "cognito:groups", "[admin]")).build())
                                .build())
                        .build())
                .build();

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isIn(404, 405);
        assertThat(store.snapshot()).isEqualTo(before);
    }
}
