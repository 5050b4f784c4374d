package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.core.incident.IncidentStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {

    @Test
    void json_usesTheProjectMapper_contractWordsAndIsoTimes() {
        // given
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", IncidentStatus.ACKNOWLEDGED);
        body.put("at", Instant.parse("2026-01-01T00:00:00Z"));
        body.put("nextCursor", null);

        // when
        ApiResponse response = ApiResponse.json(200, body);

        // then
        assertThat(response.body())
                .isEqualTo("{\"status\":\"acknowledged\",\"at\":\"2026-01-01T00:00:00Z\",\"nextCursor\":null}");
        assertThat(response.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void html_isUtf8_uncached_andSendsNoReferrer() {
        // given / when
        ApiResponse response = ApiResponse.html(200, "<p>收到</p>");

        // then
        assertThat(response.headers())
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(response.body()).isEqualTo("<p>收到</p>");
    }

    @Test
    void empty_hasNoBodyAndNoContentType() {
        // given / when
        APIGatewayV2HTTPResponse response = ApiResponse.empty(204).toEvent();

        // then
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isEmpty();
        assertThat(response.getHeaders()).doesNotContainKey("Content-Type");
    }

    @Test
    void withHeader_replacesAHeaderOfTheSameNameInAnyCase() {
        // given
        ApiResponse response = ApiResponse.of(200, "text/css; charset=utf-8", "body{}");

        // when
        ApiResponse cached = response.withHeader("cache-control", "public, max-age=300");

        // then
        assertThat(cached.headers()).containsEntry("cache-control", "public, max-age=300").doesNotContainKey("Cache-Control");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void response_roundTripsThroughJson_soAnIdempotentRouteCanReplayIt() throws Exception {
        // given
        ApiResponse first = ApiResponse.json(201, Map.of("incidentId", "i1"));

        // when
        ApiResponse replay = Json.mapper().readValue(Json.mapper().writeValueAsString(first), ApiResponse.class);

        // then
        assertThat(replay).isEqualTo(first);
    }
}
