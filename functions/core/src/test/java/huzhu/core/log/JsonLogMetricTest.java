package huzhu.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.core.testing.Stdout;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogMetricTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metric_isOneLogLine_thatIsAlsoAnEmbeddedMetricFormatRecord() throws IOException {
        // given
        long before = Instant.now().toEpochMilli();

        // when
        String line = Stdout.captured(() -> JsonLog.metric("incident.escalated", "EscalationLatenessMs", "Milliseconds",
                412, List.of("source"), "incidentId", "i-1", "source", "timer", "reporter", "+8613800138000")).strip();

        // then
        assertThat(line).doesNotContain("\n");
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("level").asText()).isEqualTo("INFO");
        assertThat(node.get("message").asText()).isEqualTo("incident.escalated");
        assertThat(node.get("EscalationLatenessMs").asLong()).isEqualTo(412);
        assertThat(node.get("source").asText()).isEqualTo("timer");
        assertThat(node.get("reporter").asText()).isEqualTo("+86138****8000");
        JsonNode aws = node.get("_aws");
        assertThat(aws.get("Timestamp").asLong()).isGreaterThanOrEqualTo(before);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("huzhu");
        assertThat(JSON.convertValue(directive.get("Dimensions"), List.class)).isEqualTo(List.of(List.of("source")));
        assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo("EscalationLatenessMs");
        assertThat(directive.get("Metrics").get(0).get("Unit").asText()).isEqualTo("Milliseconds");
    }

    @Test
    void nestedMapsAndLists_areWrittenAsJson_withPhonesScrubbed() throws IOException {
        // given
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("batch", Map.of("ids", List.of("a", 2, true), "to", "13800138000"));

        // when
        String line = JsonLog.line(Instant.EPOCH, JsonLog.Level.INFO, "m", fields, null);

        // then
        JsonNode batch = JSON.readTree(line).get("batch");
        assertThat(batch.get("ids").toString()).isEqualTo("[\"a\",2,true]");
        assertThat(batch.get("to").asText()).doesNotContain("00138000");
    }
}
