package huzhu.bench;

import huzhu.core.kernel.RandomIds;
import huzhu.local.LocalConfig;
import huzhu.local.LocalStack;
import huzhu.testing.Dynalite;
import huzhu.testing.load.BadNight.Plan;
import huzhu.testing.load.BadNight.Result;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full bad night of {@link huzhu.testing.load.BadNight} on the local stack in this process: 1,000 members with
 * their links and family phones, 200 volunteers over 10 districts, the families calling within two minutes from 64
 * loopback addresses (by link or SMS), volunteers answering, five officers on the board; on the embedded store,
 * on dynalite, or both. Prints each night's report and exits non-zero if a family was refused or lost or a call
 * was answered 5xx.
 * <p>
 * {@code java -cp "$CP" huzhu.bench.BadNight [--stores embedded,dynamodb] [--members 1000] [--addresses 64]
 * [--window 120]} (from {@code infra/bench} after the build).
 */
public final class BadNight {
    private static final String ADMIN = "bench-bad-night-admin";
    private static final String OFFICER = "bench-bad-night-officer";

    private BadNight() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Plan full = Plan.full();
        Plan plan = new Plan(Integer.parseInt(a.getOrDefault("members", Integer.toString(full.members()))),
                full.districts(), Integer.parseInt(a.getOrDefault("volunteers", Integer.toString(full.volunteers()))),
                Integer.parseInt(a.getOrDefault("addresses", Integer.toString(full.addresses()))), full.linkShare(),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("window", Long.toString(full.window().toSeconds())))),
                full.drain(), full.officers(), full.clients(), full.levelSeconds(), full.seed());
        PrintStream out = System.out;
        out.println(Args.machine());
        boolean failed = false;
        for (String store : a.getOrDefault("stores", "embedded,dynamodb").split(",")) {
            out.println("store: " + store);
            Result night = night(store.strip(), plan, out);
            out.println(night.report());
            failed |= night.lost() > 0 || night.serverErrors() > 0 || night.familiesRefused() > 0
                    || night.overMaxActive() > 0;
        }
        out.println("after: " + Args.machine());
        System.exit(failed ? 1 : 0);
    }

    private static Result night(String store, Plan plan, PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("huzhu-bad-night");
        Map<String, String> env = new HashMap<>(Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", ADMIN,
                "HUZHU_OFFICER_TOKEN", OFFICER, "HUZHU_SWEEP_SECONDS", "5", "HUZHU_DATA_DIR", data.toString()));
        if (!List.of("embedded", "dynamodb").contains(store)) throw new IllegalArgumentException("store " + store);
        try (Dynalite dynalite = store.equals("dynamodb") ? Dynalite.start() : null) {
            if (dynalite != null) env.put("HUZHU_DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
            Clock clock = Clock.systemUTC();
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // every incident logs its steps
            try (LocalStack stack = LocalStack.start(LocalConfig.from(env, data), clock, new RandomIds(clock))) {
                return huzhu.testing.load.BadNight.run(stack.port(), ADMIN, OFFICER, plan, out);
            } finally {
                System.setOut(out);
            }
        }
    }
}
