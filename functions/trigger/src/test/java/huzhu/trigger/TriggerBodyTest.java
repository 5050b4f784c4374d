package huzhu.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriggerBodyTest {
    private static final List<String> BODIES = List.of("", "  ", "{}", "null", "[]", "\"text\"", "42", "true",
            "{\"message\":\"救命 老伴胸口疼\",\"type\":\"medical\"}",
            "{\"type\":\"medical\",\"message\":\"\\u6551\\u547d \\ud83d\\ude91\",\"reporterName\":\"李秀英\","
                    + "\"reporterPhone\":\"+8613800138000\",\"location\":{\"address\":\"人民南路四段1号\","
                    + "\"lat\":30.6289,\"lon\":104.0657}}",
            "{\"location\":{\"lat\":30,\"lon\":-104.5e0,\"extra\":[1,{\"x\":null}]},\"unknown\":{\"deep\":[true]}}",
            "{\"location\":{\"lat\":0,\"lon\":-0.0}}", "{\"location\":{\"lat\":1e400}}",
            "{\"location\":{\"lat\":\"30.5\"}}", "{\"location\":\"成都\"}", "{\"location\":[]}", "{\"location\":null}",
            "{\"message\":42}", "{\"message\":true}", "{\"message\":{\"a\":1}}", "{\"message\":[\"a\"]}",
            "{\"message\":null,\"type\":null}", "{\"message\":\"a\",\"message\":\"b\"}", "{\"message\":\"a\"} {}",
            "{\"message\":\"a\"", "{\"message\":01}", "\uFEFF{\"message\":\"a\"}", "{\"n\":" + "9".repeat(1200) + "}",
            "{\"n\":" + "[".repeat(40) + "]".repeat(40) + ",\"message\":\"deep\"}", "{'message':'a'}",
            "{\"message\":\"a\\u0000b\"}", "{\"location\":{\"lat\":12345678901234567890.123456789,\"lon\":1e-5}}");

    @Test
    void everyBody_readsOrIsRefused_exactlyAsJacksonReadsOrRefusesIt() {
        for (String body : BODIES) assertSameAsJackson(body);
    }

    @Test
    void randomBodiesOfTheTriggerShape_readOrAreRefused_exactlyAsJacksonDoes() {
        Random random = new Random(20261202);
        String[] keys = {"type", "message", "reporterName", "reporterPhone", "location", "address", "lat", "lon", "x"};
        String[] values = {"\"medical\"", "\"救命\"", "null", "1", "-2.5", "0", "1e3", "true", "[]", "{}", "\"\"",
                "{\"lat\":1.5,\"lon\":2}", "{\"address\":\"路\",\"lat\":\"1\"}", "[1,2]", "{\"lat\":null}"};
        for (int i = 0; i < 2_000; i++) {
            List<String> members = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                members.add("\"" + keys[random.nextInt(keys.length)] + "\":" + values[random.nextInt(values.length)]);
            }
            assertSameAsJackson("{" + String.join(",", members) + "}");
        }
    }

    @Test
    void answer_isTheJsonJacksonWrote() throws Exception {
        // given
        Triggered t = new Triggered("inc-1", "K27", "open", "已通知 \"附近\" 志愿者\n请拨打120");

        // when
        ApiResponse ours = TriggerBody.answer(201, t);

        // then
        assertThat(ours).isEqualTo(ApiResponse.json(201, t));
        assertThat(Json.mapper().readValue(ours.body(), Triggered.class)).isEqualTo(t);
    }

    private static void assertSameAsJackson(String body) {
        Object jackson = outcome(() -> request(body).bodyOrEmpty(TriggerInput.class));
        Object ours = outcome(() -> TriggerBody.read(request(body)));
        assertThat(ours).as(body).isEqualTo(jackson);
    }

    private static ApiRequest request(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setBody(body);
        return ApiRequest.of(event);
    }

    /** The value read, or the refusal's class and message (what the caller's 4xx is made of). */
    private static Object outcome(java.util.function.Supplier<TriggerInput> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
