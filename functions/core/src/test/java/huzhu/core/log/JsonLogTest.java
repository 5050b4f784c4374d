package huzhu.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.core.incident.IncidentStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant AT = Instant.parse("2026-01-01T08:30:00Z");

    @Test
    void line_isOneJsonObject_withLambdaFieldsFirst_thenOurs() throws IOException {
        // given
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("incidentId", "i42");
        fields.put("action", "escalate");
        fields.put("level", "overridden?");
        fields.put("recipients", 3);
        fields.put("status", IncidentStatus.OPEN);

        // when
        String line = JsonLog.line(AT, JsonLog.Level.INFO, "escalated", fields, null);

        // then
        assertThat(line).doesNotContain("\n");
        JsonNode node = JSON.readTree(line);
        assertThat(node.fieldNames()).toIterable()
                .containsExactly("timestamp", "level", "message", "incidentId", "action", "recipients", "status");
        assertThat(node.get("timestamp").asText()).isEqualTo("2026-01-01T08:30:00.000Z");
        assertThat(node.get("level").asText()).isEqualTo("INFO");
        assertThat(node.get("recipients").isInt()).isTrue();
        assertThat(node.get("status").asText()).isEqualTo("open");
    }

    @Test
    void phoneNumbers_inTheMessageAndInFields_areMasked() throws IOException {
        // given
        Map<String, Object> fields = Map.of("to", "+8613800138000", "note", "family 139 0013 9000 called");

        // when
        String line = JsonLog.line(AT, JsonLog.Level.WARN, "sms to 13800138000 failed", fields, null);

        // then
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("message").asText()).isEqualTo("sms to 138****8000 failed");
        assertThat(node.get("to").asText()).isEqualTo("+86138****8000");
        assertThat(node.get("note").asText()).isEqualTo("family 139 **** 9000 called");
    }

    @Test
    void chineseAndControlCharacters_areEscaped_andReadBackIntact() throws IOException {
        // given
        String message = "求助 \"爸爸\"\n\t摔倒\u0001";

        // when
        String line = JsonLog.line(AT, JsonLog.Level.INFO, message, Map.of(), null);

        // then
        assertThat(line).matches("[\\x20-\\x7e]+");
        assertThat(JSON.readTree(line).get("message").asText()).isEqualTo(message);
    }

    @Test
    void error_addsTypeMessageAndStack_withCauses() throws IOException {
        // given
        RuntimeException error = new IllegalStateException("publish to +8613800138000 failed",
                new IOException("reset"));

        // when
        String line = JsonLog.line(AT, JsonLog.Level.ERROR, "failed", null, error);

        // then
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(node.get("errorMessage").asText()).isEqualTo("publish to +86138****8000 failed");
        assertThat(node.get("stackTrace").isArray()).isTrue();
        assertThat(node.get("stackTrace").size()).isBetween(2, 40);
        assertThat(line).contains("Caused by: java.io.IOException: reset");
    }
}
