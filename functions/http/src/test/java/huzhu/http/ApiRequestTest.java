package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpKind;
import huzhu.core.directory.Area;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Invalid;
import huzhu.core.incident.IncidentType;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

    /** The trigger body as the contract names it. */
    record TriggerBody(IncidentType type, String message, String reporterName, String reporterPhone, Place location) {
    }

    record Place(String address, Double lat, Double lon) {
    }

    @Nested
    class ReadingTheEvent {
        @Test
        void consoleEvent_exposesMethodPathParametersAndRequestContext() {
            // given
            APIGatewayV2HTTPEvent event = Fixtures.consoleGet();

            // when
            ApiRequest request = ApiRequest.of(event);

            // then
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v1/members/01jf8zq3k0abcd2efgh3jkm4np");
            assertThat(request.rawPath()).isEqualTo("/v1/members/01jf8zq3k0abcd2efgh3jkm4np");
            assertThat(request.pathParameter("id")).isEqualTo("01jf8zq3k0abcd2efgh3jkm4np");
            assertThat(request.query("limit")).contains("20");
            assertThat(request.sourceIp()).isEqualTo("203.0.113.24");
            assertThat(request.requestId()).isEqualTo("Yk3cTgSxoAMEbXw=");
            assertThat(request.routeKey()).isEqualTo("GET /v1/members/{id}");
            assertThat(request.claims())
                    .containsEntry("sub", "a1b2c3d4-5678-90ab-cdef-111122223333")
                    .containsEntry("cognito:groups", "[admin officer]");
            assertThat(request.body()).isEmpty();
        }

        @Test
        void headers_areFoundWhateverTheCaseOfTheName() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.trigger());

            // when / then
            assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
            assertThat(request.header("CONTENT-TYPE")).contains("application/json; charset=utf-8");
            assertThat(request.headers().get("X-Forwarded-For")).isEqualTo("198.51.100.7");
            assertThat(request.header("Idempotency-Key")).isEmpty();
        }

        @Test
        void idempotencyKey_isScopedToTheCaller_soOneOfficersKeyNeverAnswersAnothers() {
            // given the same key from two officers, and a blank one
            APIGatewayV2HTTPEvent first = Fixtures.console("POST", "/v1/incidents", "{}");
            first.setHeaders(new HashMap<>(Map.of("idempotency-key", "k-1")));
            APIGatewayV2HTTPEvent second = Fixtures.console("POST", "/v1/incidents", "{}");
            second.setHeaders(new HashMap<>(Map.of("idempotency-key", "k-1")));
            second.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", "another-officer");
            APIGatewayV2HTTPEvent blank = Fixtures.console("POST", "/v1/incidents", "{}");
            blank.setHeaders(new HashMap<>(Map.of("idempotency-key", " ")));

            // when / then
            assertThat(ApiRequest.of(first).callersIdempotencyKey()).isEqualTo("a1b2c3d4-5678-90ab-cdef-111122223333:k-1");
            assertThat(ApiRequest.of(second).callersIdempotencyKey()).isEqualTo("another-officer:k-1");
            assertThat(ApiRequest.of(blank).callersIdempotencyKey()).isNull();
            assertThat(ApiRequest.of(Fixtures.consoleGet()).callersIdempotencyKey()).as("no header").isNull();
        }

        @Test
        void publicEvent_hasNoClaims() {
            // given / when
            ApiRequest request = ApiRequest.of(Fixtures.trigger());

            // then
            assertThat(request.claims()).isEmpty();
        }

        @Test
        void method_fallsBackToTheRouteKey_whenTheHttpContextIsMissing() {
            // given
            APIGatewayV2HTTPEvent event = Fixtures.consoleGet();
            event.getRequestContext().setHttp(null);
            event.setRouteKey("DELETE /v1/members/{id}");

            // when / then
            assertThat(ApiRequest.of(event).method()).isEqualTo("DELETE");
        }

        @Test
        void path_dropsTheNameOfANamedStage_butNotOfTheDefaultStage() {
            // given
            APIGatewayV2HTTPEvent staged = Fixtures.consoleGet();
            staged.getRequestContext().setStage("prod");
            staged.setRawPath("/prod/v1/members/m1");
            APIGatewayV2HTTPEvent defaultStage = Fixtures.consoleGet();
            defaultStage.setRawPath("/prod/v1/members/m1");

            // when / then
            assertThat(ApiRequest.of(staged).path()).isEqualTo("/v1/members/m1");
            assertThat(ApiRequest.of(staged).rawPath()).isEqualTo("/prod/v1/members/m1");
            assertThat(ApiRequest.of(defaultStage).path()).isEqualTo("/prod/v1/members/m1");
        }

        @Test
        void base64Body_isDecodedAsUtf8() {
            // given
            ApiRequest plain = ApiRequest.of(Fixtures.trigger());

            // when
            ApiRequest decoded = ApiRequest.of(Fixtures.triggerBase64());

            // then
            assertThat(decoded.body()).isEqualTo(plain.body()).contains("爸爸在家摔倒了");
        }

        @Test
        void base64BodyThatIsNotUtf8_isMalformed_notStoredAsReplacementCharacters() {
            // given: valid base64 of {"message":"<0xC3 0x28>"} (a broken two-byte sequence)
            APIGatewayV2HTTPEvent event = Fixtures.triggerBase64();
            byte[] bytes = {'{', '"', 'm', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
            event.setBody(Base64.getEncoder().encodeToString(bytes));

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> ApiRequest.of(event));

            // then
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.code()).isEqualTo("malformed_json");
        }

        @Test
        void invalidBase64_isMalformed() {
            // given
            APIGatewayV2HTTPEvent event = Fixtures.triggerBase64();
            event.setBody("not*base64!");

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> ApiRequest.of(event));

            // then
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.code()).isEqualTo("malformed_json");
        }
    }

    @Nested
    class BodySize {
        @Test
        void bodyOf64KiB_isAccepted() {
            // given
            APIGatewayV2HTTPEvent event = Fixtures.trigger();
            event.setBody("x".repeat(ApiRequest.MAX_BODY_BYTES));

            // when / then
            assertThat(ApiRequest.of(event).body()).hasSize(ApiRequest.MAX_BODY_BYTES);
        }

        @Test
        void bodyOneByteOver64KiB_is413() {
            // given
            APIGatewayV2HTTPEvent event = Fixtures.trigger();
            event.setBody("x".repeat(ApiRequest.MAX_BODY_BYTES + 1));

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> ApiRequest.of(event));

            // then
            assertThat(rejected.status()).isEqualTo(413);
            assertThat(rejected.code()).isEqualTo("too_large");
        }

        @Test
        void chineseBody_isMeasuredInUtf8Bytes_notCharacters() {
            // given: 22 000 characters, 66 000 bytes
            APIGatewayV2HTTPEvent event = Fixtures.trigger();
            event.setBody("救".repeat(22_000));

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> ApiRequest.of(event));

            // then
            assertThat(rejected.status()).isEqualTo(413);
        }

        @Test
        void base64BodyOver64KiB_is413() {
            // given
            APIGatewayV2HTTPEvent event = Fixtures.triggerBase64();
            event.setBody(Base64.getEncoder().encodeToString(new byte[ApiRequest.MAX_BODY_BYTES + 1]));

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> ApiRequest.of(event));

            // then
            assertThat(rejected.status()).isEqualTo(413);
        }
    }

    @Nested
    class BodyMapping {
        @Test
        void triggerBody_mapsToItsRecord() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.trigger());

            // when
            TriggerBody body = request.bodyAs(TriggerBody.class);

            // then
            assertThat(body.type()).isEqualTo(IncidentType.MEDICAL);
            assertThat(body.message()).isEqualTo("爸爸在家摔倒了，起不来");
            assertThat(body.reporterPhone()).isEqualTo("13800138000");
            assertThat(body.location().lat()).isEqualTo(30.6226);
        }

        @Test
        void truncatedJson_is400MalformedJson() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.triggerMalformed());

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class,
                    () -> request.bodyAs(TriggerBody.class));

            // then
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.code()).isEqualTo("malformed_json");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"type\": \"medical\"} {\"type\": \"fire\"}",
                "{\"location\": {\"lat\": 30.1,}}",
                "{\"location\": {\"lat\": tru}}",
                "<xml/>"})
        void syntaxErrors_anywhereInTheDocument_are400(String json) {
            // given
            ApiRequest request = request(json);

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class,
                    () -> request.bodyAs(TriggerBody.class));

            // then
            assertThat(rejected.status()).isEqualTo(400);
        }

        @Test
        void emptyBody_is400_whenTheRouteNeedsOne() {
            // given
            ApiRequest request = request("");

            // when
            RequestRejected rejected = catchThrowableOfType(RequestRejected.class,
                    () -> request.bodyAs(TriggerBody.class));

            // then
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.messageKey()).isEqualTo("error.emptyBody");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "null"})
        void emptyBody_readsAsAnEmptyObject_whereTheRouteAllowsIt(String json) {
            // given
            ApiRequest request = request(json);

            // when
            TriggerBody body = request.bodyOrEmpty(TriggerBody.class);

            // then
            assertThat(body).isEqualTo(new TriggerBody(null, null, null, null, null));
        }

        @Test
        void objectWhereAWordBelongs_names_homeArea_city() {
            // given
            ApiRequest request = request("{\"name\": \"王芳\", \"homeArea\": {\"city\": {\"name\": \"成都\"}}}");

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> request.bodyAs(Member.class));

            // then
            assertThat(invalid.fields()).containsExactly(Map.entry("homeArea.city", "invalid.type"));
        }

        @Test
        void wrongTypeInsideAList_names_familyContacts_0_phone() {
            // given
            ApiRequest request = request(
                    "{\"familyContacts\": [{\"name\": \"王建国\", \"relation\": \"父亲\", \"phone\": [\"13800138000\"]}]}");

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> request.bodyAs(Member.class));

            // then
            assertThat(invalid.fields()).containsExactly(Map.entry("familyContacts[0].phone", "invalid.type"));
        }

        @ParameterizedTest(name = "{1} as {0} → {2}: {3}")
        @MethodSource("huzhu.http.ApiRequestTest#shapeErrors")
        void shapeErrors_are422_onTheFieldWithAFittingMessage(Class<?> type, String json, String field, String key) {
            // given
            ApiRequest request = request(json);

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> request.bodyAs(type));

            // then
            assertThat(invalid.fields()).containsExactly(Map.entry(field, key));
        }

        @Test
        void recordConstructorRefusingAValue_is422_not503() {
            // given: Member's constructor copies the list, and List.copyOf refuses nulls
            ApiRequest request = request("{\"name\": \"王芳\", \"familyContacts\": [null], \"version\": 1}");

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> request.bodyAs(Member.class));

            // then
            assertThat(invalid.fields()).containsExactly(Map.entry("body", "invalid.type"));
        }

        @Test
        void documentOfTheWrongShape_is422_onTheBody() {
            // given
            ApiRequest request = request("[\"medical\"]");

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> request.bodyAs(TriggerBody.class));

            // then
            assertThat(invalid.fields()).containsOnlyKeys("body");
        }

        @Test
        void contractWords_mapToEnumsAndDates() {
            // given
            ApiRequest request = request("{\"kind\": \"bereavement\", \"dueDate\": \"2026-02-01\", \"amount\": 500, \"version\": 1}");

            // when
            FollowUp body = request.bodyAs(FollowUp.class);

            // then
            assertThat(body.kind()).isEqualTo(FollowUpKind.BEREAVEMENT);
            assertThat(body.dueDate()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(body.amount()).isEqualByComparingTo("500");
        }

        @Test
        void unknownFields_areIgnored() {
            // given
            ApiRequest request = request("{\"name\": \"王芳\", \"favouriteColour\": \"red\", \"location\": {\"lat\": 1, \"lon\": 2}, \"version\": 1}");

            // when
            Member member = request.bodyAs(Member.class);

            // then
            assertThat(member.name()).isEqualTo("王芳");
            assertThat(member.location()).isEqualTo(new GeoPoint(1, 2));
            assertThat(member.language()).isEqualTo(Language.ZH_CN);
        }

        @Test
        void areaRecord_readsFromTheContractShape() {
            // given
            ApiRequest request = request("{\"homeArea\": {\"city\": \"成都\", \"district\": \"武侯区\"}, \"version\": 1}");

            // when / then
            assertThat(request.bodyAs(Member.class).homeArea()).isEqualTo(new Area("成都", "武侯区"));
        }
    }

    @Nested
    class QueryHelpers {
        @Test
        void limit_is50_whenAbsent() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.trigger());

            // when / then
            assertThat(request.limit()).isEqualTo(50);
            assertThat(request.cursor()).isNull();
            assertThat(request.page()).isEqualTo(new PageRequest(null, 50));
        }

        @Test
        void limitAndCursor_areRead() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.withQuery(Fixtures.consoleGet(),
                    Map.of("limit", "200", "cursor", "eyJrIjoxfQ")));

            // when / then
            assertThat(request.page()).isEqualTo(new PageRequest("eyJrIjoxfQ", 200));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "201", "-1", "ten", "1e2", "50.5"})
        void limitOutside1To200_is422OnLimit(String limit) {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.withQuery(Fixtures.consoleGet(), Map.of("limit", limit)));

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, request::limit);

            // then
            assertThat(invalid.fields()).containsExactly(Map.entry("limit", "invalid.limit"));
        }

        @Test
        void fromAndTo_acceptUtcAndOffsetInstants() {
            // given: the '+' of an offset often arrives as a space when the caller did not encode it
            ApiRequest request = ApiRequest.of(Fixtures.withQuery(Fixtures.consoleGet(),
                    Map.of("from", "2026-01-01T08:00:00+08:00", "to", "2026-01-31T08:00:00 08:00")));

            // when / then
            assertThat(request.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(request.to()).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        }

        @Test
        void fromInTheFixture_isParsed_andAbsentTo_isNull() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.consoleGet());

            // when / then
            assertThat(request.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(request.to()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-01", "yesterday", "1767225600", "2026-01-01T00:00:00"})
        void fromThatIsNotAnInstant_is422OnFrom(String from) {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.withQuery(Fixtures.consoleGet(), Map.of("from", from)));

            // when
            Invalid invalid = catchThrowableOfType(Invalid.class, request::from);

            // then
            assertThat(invalid.fields()).containsExactly(Map.entry("from", "invalid.time"));
        }

        @Test
        void blankQueryValues_countAsAbsent() {
            // given
            ApiRequest request = ApiRequest.of(Fixtures.withQuery(Fixtures.consoleGet(),
                    Map.of("limit", "", "cursor", " ", "to", "")));

            // when / then
            assertThat(request.limit()).isEqualTo(50);
            assertThat(request.cursor()).isNull();
            assertThat(request.to()).isNull();
        }
    }

    /** A body of the wrong shape for its type, the field it names and the message key it is given. */
    static Stream<Arguments> shapeErrors() {
        return Stream.of(
                arguments(FollowUp.class, "{\"kind\": \"party\"}", "kind", "invalid.choice"),
                arguments(FollowUp.class, "{\"kind\": 1}", "kind", "invalid.choice"),
                arguments(FollowUp.class, "{\"dueDate\": \"2026-13-01\"}", "dueDate", "invalid.date"),
                arguments(FollowUp.class, "{\"createdAt\": \"yesterday\"}", "createdAt", "invalid.time"),
                arguments(FollowUp.class, "{\"amount\": \"lots\"}", "amount", "invalid.number"),
                arguments(FollowUp.class, "{\"visitors\": \"王芳\"}", "visitors", "invalid.type"),
                arguments(FollowUp.class, "{\"visitors\": [\"王芳\", {\"a\": 1}]}", "visitors[1]", "invalid.type"),
                arguments(Volunteer.class, "{\"maxActive\": \"two\"}", "maxActive", "invalid.number"),
                arguments(Volunteer.class, "{\"maxActive\": 1.5}", "maxActive", "invalid.number"),
                arguments(Volunteer.class, "{\"maxActive\": null}", "maxActive", "invalid.number"),
                arguments(Volunteer.class, "{\"maxActive\": 99999999999}", "maxActive", "invalid.range"),
                arguments(Volunteer.class, "{\"language\": \"fr\"}", "language", "invalid.language"),
                arguments(Volunteer.class, "{\"location\": {\"lat\": \"north\"}}", "location.lat", "invalid.number"),
                arguments(Volunteer.class, "{\"onDuty\": {}}", "onDuty", "invalid.type"));
    }

    private static ApiRequest request(String json) {
        APIGatewayV2HTTPEvent event = Fixtures.trigger();
        event.setBody(json);
        return ApiRequest.of(event);
    }
}
