package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.core.incident.TriggerService;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.SequentialIds;
import huzhu.trigger.TriggerHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits hold on the embedded store the local stack runs on, as they do in memory. */
class RateLimitOnTheStackTest {
    @TempDir
    Path dataDir;

    @Test
    void oneAddressGuessingTriggerTokens_getsA429WithRetryAfter_afterItsAllowance() {
        LocalConfig config = LocalConfig.from(Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", "limit-admin-token-1",
                "HUZHU_SWEEP_SECONDS", "86400", "HUZHU_DATA_DIR", dataDir.toString()), dataDir);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T00:00:00Z"));
        try (LocalStack stack = LocalStack.start(config, clock, new SequentialIds(1))) {
            TriggerHandler trigger = new TriggerHandler(stack.services());
            int notFound = 0;
            APIGatewayV2HTTPResponse last = null;
            for (int i = 0; i <= TriggerService.MISSES_PER_ADDRESS.max(); i++) {
                last = trigger.handleRequest(ApiEvents.request("POST", "/v1/triggers/{triggerToken}",
                        "/v1/triggers/guess" + i, Map.of("triggerToken", "guess" + i), null, Map.of(), "{}", false,
                        null, "203.0.113.77"), null);
                if (last.getStatusCode() == 404) notFound++;
            }
            assertThat(notFound).isEqualTo(TriggerService.MISSES_PER_ADDRESS.max());
            assertThat(last.getStatusCode()).isEqualTo(429);
            assertThat(last.getHeaders()).containsKey("Retry-After");
        }
    }
}
