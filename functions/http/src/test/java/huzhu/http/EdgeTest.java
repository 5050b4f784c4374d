package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeTest {
    private static final String SECRET = "edge-secret-for-tests-0123456789abcdefghij";
    private static final Edge CLOUDFRONT = Edge.cloudFront(SECRET);

    @Test
    void aRequestThroughCloudFront_isSeenFromTheViewersAddress_notCloudFronts() {
        // given: API Gateway saw CloudFront's address (130.176.212.36); the viewer is 203.0.113.9
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        AtomicReference<ApiRequest> seen = new AtomicReference<>();

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, CLOUDFRONT, request -> {
            seen.set(request);
            return ApiResponse.empty(204);
        }, url -> { });

        // then
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(seen.get().sourceIp()).isEqualTo("203.0.113.9");
        assertThat(seen.get().headers()).as("the secret goes no further than the edge check")
                .doesNotContainKey(Edge.SECRET_HEADER);
    }

    @Test
    void linksAreBuiltOnTheAddressThePersonUsed_theDistributionsName_neverTheApisOwn() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        List<String> learned = new ArrayList<>();

        // when
        Http.serve(event, CLOUDFRONT, request -> ApiResponse.empty(204), learned::add);

        // then
        assertThat(learned).containsExactly("https://d111111abcdef8.cloudfront.net");
    }

    @Test
    void aRequestAroundCloudFront_withoutTheSecret_is403_reachesNoRoute_andTeachesNoLink() {
        // given: straight to the execute-api address, naming a viewer address and host of its choosing
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        event.getHeaders().remove(Edge.SECRET_HEADER);
        List<String> learned = new ArrayList<>();

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, CLOUDFRONT, request -> {
            throw new AssertionError("reached the route");
        }, learned::add);

        // then
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Fixtures.error(response).code()).isEqualTo("forbidden");
        assertThat(learned).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"guess", "", "edge-secret-for-tests-0123456789abcdefghiJ",
            "edge-secret-for-tests-0123456789abcdefghij,edge-secret-for-tests-0123456789abcdefghij"})
    void aWrongSecret_is403(String secret) {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        event.getHeaders().put(Edge.SECRET_HEADER, secret);

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, CLOUDFRONT, request -> ApiResponse.empty(204),
                url -> { });

        // then
        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void theSecretHeader_isFoundWhateverTheCaseOfItsName() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("X-Huzhu-Edge", headers.remove(Edge.SECRET_HEADER));
        event.setHeaders(headers);

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, CLOUDFRONT, request -> ApiResponse.empty(204),
                url -> { });

        // then
        assertThat(response.getStatusCode()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-address", "203.0.113.9, 198.51.100.1", "example.org"})
    void cloudFrontWithoutAUsableViewerAddress_isAMisconfiguration_answered503_neverTheEdgesAddress(String viewer) {
        // given: the viewer-request function is not attached (or not doing its job)
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        event.getHeaders().put(Edge.VIEWER_ADDRESS_HEADER, viewer);

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, CLOUDFRONT, request -> {
            throw new AssertionError("reached the route with CloudFront's address");
        }, url -> { });

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
    }

    @Test
    void anIpv6Viewer_isSeenByItsAddress() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.load("trigger-public-via-cloudfront.json");
        event.getHeaders().put(Edge.VIEWER_ADDRESS_HEADER, "2001:db8:85a3::8a2e:370:7334");
        AtomicReference<String> seen = new AtomicReference<>();

        // when
        Http.serve(event, CLOUDFRONT, request -> {
            seen.set(request.sourceIp());
            return ApiResponse.empty(204);
        }, url -> { });

        // then
        assertThat(seen.get()).isEqualTo("2001:db8:85a3::8a2e:370:7334");
    }

    @Test
    void withoutAnEdge_theLocalStackAndTests_areTakenAsApiGatewayReportsThem() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.trigger();
        AtomicReference<String> seen = new AtomicReference<>();
        List<String> learned = new ArrayList<>();

        // when
        Http.serve(event, Edge.NONE, request -> {
            seen.set(request.sourceIp());
            return ApiResponse.empty(204);
        }, learned::add);

        // then
        assertThat(seen.get()).isEqualTo("198.51.100.7");
        assertThat(learned).containsExactly("https://a1b2c3d4e5.execute-api.ap-east-1.amazonaws.com");
    }
}
