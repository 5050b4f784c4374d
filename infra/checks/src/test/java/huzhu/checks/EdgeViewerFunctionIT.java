package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.http.Edge;
import huzhu.testing.MachineTools;
import huzhu.testing.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer-request CloudFront Function of template.yaml, run by Node.js on a CloudFront Functions event: it
 * must replace, not add to, whatever a viewer sends under the names whose values the functions believe. (Node
 * runs plain ECMAScript as CloudFront's runtime does; the function uses nothing else.) Needs node
 * (huzhu.testing.MachineTools: skipped without it, failed under CI).
 */
class EdgeViewerFunctionIT {

    @TempDir
    Path dir;

    @Test
    void theViewersOwnAddressAndHost_replaceWhateverTheViewerSentUnderThoseNames() throws Exception {
        // given a viewer at 203.0.113.9 who names another address, twice, and another host
        String code = (String) SamTemplate.ofThisRepository().properties("EdgeViewerFunction").get("FunctionCode");
        String event = """
                {"version": "1.0", "context": {"eventType": "viewer-request"}, "viewer": {"ip": "203.0.113.9"},
                 "request": {"method": "POST", "uri": "/v1/triggers/x", "querystring": {}, "cookies": {},
                  "headers": {"host": {"value": "sos.example.org"},
                              "%s": {"value": "192.0.2.1", "multiValue": [{"value": "192.0.2.1"}, {"value": "192.0.2.2"}]},
                              "%s": {"value": "attacker.example"}}}}
                """.formatted(Edge.VIEWER_ADDRESS_HEADER, Edge.VIEWER_HOST_HEADER);
        Path script = dir.resolve("viewer-request.js");
        Files.writeString(script, code + "\nconsole.log(JSON.stringify(handler(" + event + ")));\n");

        // when
        Process node;
        try {
            node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw MachineTools.missing("node is not installed (apt-get install nodejs): " + notInstalled);
        }
        boolean finished = node.waitFor(30, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // then
        assertThat(finished).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        JsonNode headers = new ObjectMapper().readTree(output).get("headers");
        assertThat(headers.get(Edge.VIEWER_ADDRESS_HEADER).get("value").asText()).isEqualTo("203.0.113.9");
        assertThat(headers.get(Edge.VIEWER_ADDRESS_HEADER).has("multiValue")).isFalse();
        assertThat(headers.get(Edge.VIEWER_HOST_HEADER).get("value").asText()).isEqualTo("sos.example.org");
        assertThat(headers.get("host").get("value").asText()).isEqualTo("sos.example.org");
    }
}
