package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import huzhu.core.error.NotFound;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** Each route answers with its own name and the parameters it saw. */
    private static final Router ROUTER = Router.builder()
            .get("/v1/members", named("list"))
            .post("/v1/members", named("create"))
            .get("/v1/members/{id}", named("get"))
            .put("/v1/members/{id}", named("update"))
            .delete("/v1/members/{id}", named("delete"))
            .post("/v1/members/{id}/trigger-link", named("link"))
            .get("/v1/incidents/{id}", named("incident"))
            .get("/v1/incidents/active", named("active"))
            .post("/v1/triggers/{triggerToken}", named("trigger"))
            .get("/console", named("console"))
            .get("/console/{file+}", named("asset"))
            .build();

    @Test
    void specificRouteKey_isMatchedByPath_andGivesTheTemplateParameter() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.consoleGet();

        // when
        ApiResponse response = ROUTER.handle(ApiRequest.of(event));

        // then
        assertThat(response.body()).isEqualTo("get id=01jf8zq3k0abcd2efgh3jkm4np");
    }

    @Test
    void defaultRouteKey_withoutPathParameters_isMatchedByPath() throws Exception {
        // given: $default sends no pathParameters
        APIGatewayV2HTTPEvent event = Fixtures.trigger();

        // when
        ApiResponse response = ROUTER.handle(ApiRequest.of(event));

        // then
        assertThat(response.body()).isEqualTo("trigger triggerToken=Qm9vdHN0cmFwVG9rZW4x");
    }

    @Test
    void sameTemplate_isDispatchedByMethod() throws Exception {
        // given / when / then
        assertThat(handle("PUT", "/v1/members/m7").body()).isEqualTo("update id=m7");
        assertThat(handle("DELETE", "/v1/members/m7").body()).isEqualTo("delete id=m7");
        assertThat(handle("POST", "/v1/members").body()).isEqualTo("create");
        assertThat(handle("POST", "/v1/members/m7/trigger-link").body()).isEqualTo("link id=m7");
    }

    @Test
    void literalSegment_winsOverAParameter_whateverTheOrderOfRegistration() throws Exception {
        // given / when / then
        assertThat(handle("GET", "/v1/incidents/active").body()).isEqualTo("active");
        assertThat(handle("GET", "/v1/incidents/i9").body()).isEqualTo("incident id=i9");
    }

    @Test
    void trailingSlash_isTheSamePath() throws Exception {
        // given / when / then
        assertThat(handle("GET", "/v1/members/").body()).isEqualTo("list");
    }

    @Test
    void namedStagePrefix_isIgnored() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.console("GET", "/prod/v1/members/m7", null);
        event.getRequestContext().setStage("prod");

        // when / then
        assertThat(ROUTER.handle(ApiRequest.of(event)).body()).isEqualTo("get id=m7");
    }

    @Test
    void percentEncodedSegment_isDecoded_butPlusStaysAPlus() throws Exception {
        // given / when / then
        assertThat(handle("GET", "/v1/members/a%20b+c").body()).isEqualTo("get id=a b+c");
    }

    @Test
    void greedyParameter_takesTheRestOfThePath() throws Exception {
        // given / when / then
        assertThat(handle("GET", "/console/js/app.js").body()).isEqualTo("asset file=js/app.js");
        assertThat(handle("GET", "/console").body()).isEqualTo("console");
    }

    @Test
    void dotSegments_neverReachAGreedyRoute() {
        // given / when
        NotFound notFound = catchThrowableOfType(NotFound.class, () -> handle("GET", "/console/%2e%2e/secret"));

        // then
        assertThat(notFound.what()).isEqualTo("route");
    }

    @Test
    void unknownPath_is404Route() {
        // given / when
        NotFound notFound = catchThrowableOfType(NotFound.class, () -> handle("GET", "/v1/nothing-here"));

        // then
        assertThat(notFound.what()).isEqualTo("route");
        assertThat(notFound.messageKey()).isEqualTo("error.notFound.route");
    }

    @Test
    void extraSegment_is404() {
        // given / when / then
        assertThat(catchThrowableOfType(NotFound.class, () -> handle("GET", "/v1/members/m7/extra"))).isNotNull();
        assertThat(catchThrowableOfType(NotFound.class, () -> handle("GET", "/v1//m7"))).isNotNull();
    }

    @Test
    void knownPathWithAnotherMethod_is405_listingTheAllowedMethods() {
        // given / when
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> handle("PATCH", "/v1/members/m7"));

        // then
        assertThat(rejected.status()).isEqualTo(405);
        assertThat(rejected.code()).isEqualTo("method_not_allowed");
        assertThat(rejected.headers()).containsEntry("Allow", "GET, PUT, DELETE");
    }

    private static ApiResponse handle(String method, String path) throws Exception {
        return ROUTER.handle(ApiRequest.of(Fixtures.console(method, path, null)));
    }

    private static Route named(String name) {
        return request -> {
            StringBuilder text = new StringBuilder(name);
            new TreeMap<>(request.pathParameters()).forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            return ApiResponse.of(200, "text/plain; charset=utf-8", text.toString());
        };
    }

    @Test
    void routeKeys_areTheRegisteredMethodsAndTemplates_inOrder() {
        // given
        Router router = Router.builder()
                .get("/v1/members/{id}", named("get"))
                .route("delete", "/v1/members/{id}", named("delete"))
                .get("/console/{file+}", named("asset"))
                .build();

        // when / then
        assertThat(router.routeKeys()).containsExactly("GET /v1/members/{id}", "DELETE /v1/members/{id}",
                "GET /console/{file+}");
    }

    @Test
    void templatesMustStartWithASlash() {
        // given / when
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> Router.builder().get("v1/members", named("x")));

        // then
        assertThat(e).hasMessageContaining("v1/members");
    }
}
