package huzhu.local;

import huzhu.core.kernel.RandomIds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A local stack of the story's own, started as the stories start it: a free port, the story's data dir, the
 * one-minute sweep held off for a day (the story moves its clock and runs escalation when it means to), and ids
 * drawn with the story's clock.
 */
final class StoryStack {
    private StoryStack() {
    }

    static LocalStack start(Path dataDir, String adminToken, Clock clock) {
        return start(dataDir, adminToken, clock, Map.of());
    }

    /** @param more the settings this story adds or changes (a DynamoDB endpoint, an SMS provider, another token) */
    static LocalStack start(Path dataDir, String adminToken, Clock clock, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", adminToken,
                "HUZHU_SWEEP_SECONDS", "86400", "HUZHU_DATA_DIR", dataDir.toString()));
        env.putAll(more);
        return LocalStack.start(LocalConfig.from(env, dataDir), clock, new RandomIds(clock));
    }
}
