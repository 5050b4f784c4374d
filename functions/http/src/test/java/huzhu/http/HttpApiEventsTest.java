package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
    private static final List<String> FIXTURES = List.of("events/trigger-public.json",
            "events/trigger-public-base64.json", "events/trigger-public-malformed.json",
            "events/trigger-public-via-cloudfront.json", "events/console-get-member-jwt.json",
            "events/console-get-member-id-token-lookalike-groups.json");

    @Test
    void read_givesTheEventTheRuntimesSerializerGives_forEveryFixture() throws Exception {
        for (String fixture : FIXTURES) {
            // given
            APIGatewayV2HTTPEvent runtime = EventLoader.loadApiGatewayHttpEvent(fixture);

            // when
            APIGatewayV2HTTPEvent ours;
            try (InputStream in = resource(fixture)) {
                ours = HttpApiEvents.read(in);
            }

            // then
            assertThat(ours).as(fixture).usingRecursiveComparison().isEqualTo(runtime);
        }
    }

    @Test
    void read_refusesTextThatIsNoJsonObject() {
        // when / then
        assertThatThrownBy(() -> HttpApiEvents.read(bytes("[1,2]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpApiEvents.read(bytes("{\"rawPath\":"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_givesJsonTheRuntimesSerializerReadsBackAsTheSameAnswer() throws Exception {
        // given
        APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
                .withCookies(List.of("a=b; Secure"))
                .withBody("{\"reply\":\"已通知 \\\"K27\\\"\\n请拨打120\"}").withIsBase64Encoded(false).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        HttpApiEvents.write(answer, out);

        // then
        APIGatewayV2HTTPResponse readBack = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
                getClass().getClassLoader()).fromJson(out.toString(StandardCharsets.UTF_8));
        assertThat(readBack).usingRecursiveComparison().isEqualTo(answer);
    }

    @Test
    void write_leavesOutWhatAnAnswerDoesNotSet() throws Exception {
        // given
        APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        HttpApiEvents.write(answer, out);

        // then
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"statusCode\":404,\"isBase64Encoded\":false}");
    }

    private static InputStream resource(String name) {
        return HttpApiEventsTest.class.getClassLoader().getResourceAsStream(name);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
