package huzhu.local;

import huzhu.core.kernel.RandomIds;
import java.time.Clock;
import java.util.Map;

/**
 * {@code java -jar infra/local/target/huzhu-local.jar}: every function of template.yaml on 127.0.0.1; with
 * {@code sms-templates} the SMS registration sheet instead (see {@link SmsTemplatesCommand}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(SmsTemplatesCommand.NAME)) {
            java.io.PrintStream out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            System.exit(SmsTemplatesCommand.run(args, System.getenv(), out, System.err));
            return;
        }
        LocalConfig config;
        try {
            config = LocalConfig.fromEnvironment();
        } catch (LocalConfig.InvalidConfig e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        LocalStack stack = LocalStack.start(config, clock, new RandomIds(clock));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "huzhu-shutdown"));
        System.out.println(LocalText.bilingual("server.ready", Map.of(
                "url", stack.baseUrl(),
                "console", stack.baseUrl() + "/console",
                "dataDir", config.dataDir(),
                "store", config.embeddedStore() ? "embedded" : String.valueOf(config.dynamodbEndpoint()))));
        if (config.adminTokenGenerated()) {
            System.out.println(LocalText.bilingual("server.adminToken", Map.of("token", config.adminToken())));
        }
    }
}
