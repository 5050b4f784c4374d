package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.log.JsonLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scanner the log-privacy tests rely on finds what it must, and only that. */
class LogScanTest {
    private final LogScan scan = LogScan.of(List.of("+8613911110001"), List.of("新华路 88 号"));

    private void log(Map<String, ?> fields) {
        scan.println(JsonLog.line(Instant.EPOCH, JsonLog.Level.INFO, "m", fields, null));
    }

    @Test
    void maskedPhonesAndIds_pass() {
        log(Map.of("from", "+8613911110001", "incidentId", "01jd5x7k3m", "at", 1764158400000L, "code", "K27"));
        assertThat(scan.leaks()).isEmpty();
        assertThat(scan.jsonLines()).isEqualTo(1);
    }

    @Test
    void aPhoneThatEscapedTheMask_isFound_inAnySpelling() {
        scan.println("{\"message\":\"sent to 13911110001\"}");
        scan.println("plain text +4930123456 line");
        assertThat(scan.leaks()).hasSize(2);
    }

    @Test
    void anAddress_isFound_evenWhenTheLogEscapedItsChinese() {
        log(Map.of("note", java.util.List.of(Map.of("where", "武汉市新华路 88 号"))));
        assertThat(scan.leaks()).singleElement().asString().startsWith("address");
    }
}
