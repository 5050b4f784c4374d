package huzhu.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimerMessageTest {
    private static final Instant DEADLINE = Instant.parse("2026-03-02T01:33:00.123456Z");

    @Test
    void aMessage_readsBackAsWritten_toTheMicrosecond() {
        // given
        TimerMessage message = new TimerMessage("sms-1a2b\"c", 2, DEADLINE);

        // when
        String json = message.toJson();

        // then
        assertThat(json).isEqualTo("{\"incidentId\":\"sms-1a2b\\\"c\",\"level\":2,\"deadline\":\"2026-03-02T01:33:00.123456Z\"}");
        assertThat(TimerMessage.parse(json)).isEqualTo(message);
    }

    @Test
    void parse_acceptsAnyFieldOrder_spacesAndExtraFields() {
        // given
        String body = " { \"deadline\" : \"2026-03-02T01:33:00Z\", \"note\": null, \"hop\": true,\n"
                + " \"level\": 0, \"incidentId\": \"id-\\u0031\" } ";

        // when / then
        assertThat(TimerMessage.parse(body)).isEqualTo(new TimerMessage("id-1", 0, Instant.parse("2026-03-02T01:33:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "hello",
        "[]",
        "{\"incidentId\":\"i\",\"level\":1}",
        "{\"incidentId\":\"i\",\"level\":\"1\",\"deadline\":\"2026-03-02T01:33:00Z\"}",
        "{\"incidentId\":\"i\",\"level\":1.5,\"deadline\":\"2026-03-02T01:33:00Z\"}",
        "{\"incidentId\":\"i\",\"level\":-1,\"deadline\":\"2026-03-02T01:33:00Z\"}",
        "{\"incidentId\":\"\",\"level\":1,\"deadline\":\"2026-03-02T01:33:00Z\"}",
        "{\"incidentId\":\"i\",\"level\":1,\"deadline\":\"tomorrow\"}",
        "{\"incidentId\":\"i\",\"level\":1,\"deadline\":\"2026-03-02T01:33:00Z\"} trailing",
        "{\"incidentId\":\"i\",\"level\":1,\"deadline\":\"2026-03-02T01:33:00Z\"",
        "{\"incidentId\":{\"a\":1},\"level\":1,\"deadline\":\"2026-03-02T01:33:00Z\"}"
    })
    void parse_ofAnythingElse_isMalformed(String body) {
        assertThatThrownBy(() -> TimerMessage.parse(body)).isInstanceOf(TimerMessage.Malformed.class);
    }

    @Test
    void parse_ofNothing_isMalformed() {
        assertThatThrownBy(() -> TimerMessage.parse(null)).isInstanceOf(TimerMessage.Malformed.class);
    }
}
