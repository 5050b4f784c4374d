package huzhu.bench;

import huzhu.aws.dynamo.DynamoStore;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.AckTokens;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.RandomIds;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.SendResult;
import huzhu.testing.Dynalite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start per function, as Lambda would see it. For each function and
 * each run, a fresh JVM runs {@link huzhu.bench.lambda.LambdaRunner} on the function's shaded jar alone, with
 * the function's environment pointing its adapters at dynalite and a stand-in SNS/SQS on 127.0.0.1, and hands
 * it a realistic event (the handlers' test fixtures, fitted to the seeded data). Measured from just before the
 * process is started to the first event handled (its answer serialized), median and max over the runs; split
 * into JVM start, init (handler constructed) and the first invocation; the second invocation shows warm.
 * <p>
 * {@code primed}: the same, but the function's SnapStart priming hooks ({@code huzhu.aws.Priming}, through
 * org.crac bound to {@code huzhu.bench.crac}) run after init and before the first event. That approximates a
 * SnapStart restore: what the hooks loaded and compiled is there, but the restore itself (mapping the snapshot,
 * page faults, re-seeding) is not measured here, and it can make the first invoke slower (DESIGN §6).
 * <p>
 * The child JVM gets the flags Lambda's Java runtime starts with ({@code -XX:+UseSerialGC
 * -XX:TieredStopAtLevel=1 -Xshare:auto}); each run gets its own table, seeded before the process starts. One
 * unmeasured run per function first warms the OS file cache.
 * <p>
 * With {@code --provider aliyun|tencent} the functions run as a stack on that domestic SMS provider: at init they
 * read its account from the stand-in's Secrets Manager, and +86 alerts go out as its {@code SendSms}.
 * <p>
 * {@code --functions dynamo-floor} adds the floor under them all ({@link huzhu.bench.lambda.DynamoClientFloor}: the
 * DynamoDB client built as the functions build it, and one call of each kind the SMS path makes), from trigger's jar;
 * it registers no priming, so measure it with {@code --modes plain}.
 * <p>
 * {@code java -cp … huzhu.bench.ColdStart [--runs 10] [--modes plain,primed] [--functions trigger,ack,…]
 * [--delay 20] [--classes true] [--provider sns|aliyun|tencent]}; run from {@code infra/bench} after
 * {@code mvn -B package} (the jars).
 */
public final class ColdStart {
    /** One function of template.yaml: its jar, its handler, the event it gets, and what the table must hold. */
    record Function(String name, String jar, String handler, String fixture,
            BiFunction<DynamoStore, Path, Path> prepare) {
    }

    record Run(long jvm, long runtime, long init, long prime, long first, long second, long total, String answer) {
    }

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    /** The stack's SMS provider for +86 numbers (set once from the arguments). */
    private static huzhu.core.sms.SmsProvider provider = huzhu.core.sms.SmsProvider.SNS;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int runs = Integer.parseInt(a.getOrDefault("runs", "10"));
        List<String> modes = List.of(a.getOrDefault("modes", "plain,primed").split(","));
        List<String> names = List.of(a.getOrDefault("functions",
                "trigger,ack,console-api,sms-inbound,escalation,escalation-timer").split(","));
        long delay = Long.parseLong(a.getOrDefault("delay", "20"));
        boolean classes = Boolean.parseBoolean(a.getOrDefault("classes", "true"));
        provider = huzhu.core.sms.SmsProvider.of(a.getOrDefault("provider", "sns"));
        if (provider == null) throw new IllegalArgumentException("--provider is sns, aliyun or tencent");
        PrintStream out = System.out;
        out.println(Args.machine());
        out.printf("runs=%d modes=%s stand-in delay=%d ms provider=%s child JVM: %s%n", runs, modes, delay,
                provider.wire(), String.join(" ", jvmFlags()));

        Map<String, Function> functions = functions();
        String serializationJar = classpathEntry("aws-lambda-java-serialization");
        Path benchClasses = Path.of("target", "classes").toAbsolutePath();
        Path work = Files.createTempDirectory("huzhu-coldstart");
        List<String> rows = new ArrayList<>();
        List<String> classRows = new ArrayList<>();
        try (Dynalite dynalite = Dynalite.start(); StandInAws aws = StandInAws.start(delay)) {
            DynamoDbClient dynamo = BenchAws.dynamo(BenchAws.clients(), dynalite.endpoint());
            AtomicInteger tables = new AtomicInteger();
            for (String name : names) {
                Function f = functions.get(name.trim());
                if (f == null) throw new IllegalArgumentException("no function " + name + "; known: " + functions.keySet());
                Path jar = ROOT.resolve(f.jar());
                if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " missing: run mvn -B package first");
                String classpath = jar + java.io.File.pathSeparator + benchClasses + java.io.File.pathSeparator
                        + serializationJar;
                // one unmeasured run: the jar and the JDK's files into the OS cache
                child(f, classpath, dynamo, dynalite, aws, work, "cs-" + tables.incrementAndGet(), false, 1, null);
                for (String mode : modes) {
                    boolean prime = mode.trim().equals("primed");
                    List<Run> done = new ArrayList<>();
                    aws.clear();
                    for (int r = 0; r < runs; r++) {
                        done.add(child(f, classpath, dynamo, dynalite, aws, work, "cs-" + tables.incrementAndGet(),
                                prime, 3, null));
                    }
                    String row = row(f, jar, mode.trim(), done);
                    out.println(row);
                    // which adapter the SMS went through: the provider's SendSms, or SNS Publish to a phone
                    long sendSms = aws.publishes().stream().filter(x -> "SendSms".equals(x.message())).count();
                    long published = aws.publishes().stream().filter(x -> x.phoneNumber() != null
                            && x.topicArn() == null && !"SendSms".equals(x.message())).count();
                    out.println("    first answer: " + done.get(0).answer() + " · SMS over " + runs + " runs: "
                            + sendSms + " SendSms, " + published + " SNS Publish");
                    rows.add(row);
                }
                if (classes) {
                    Path log = work.resolve(name + "-classes.log");
                    child(f, classpath, dynamo, dynalite, aws, work, "cs-" + tables.incrementAndGet(), false, 1, log);
                    String row = classRow(f, log);
                    out.println(row);
                    classRows.add(row);
                }
            }
        }
        out.println();
        out.println("| function | jar MB | mode | runs | start → first event handled, median ms | max ms | JVM start"
                + " median | runtime serializers median | init median | priming median | 1st invoke median"
                + " | 2nd invoke median |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(out::println);
        if (!classRows.isEmpty()) {
            out.println();
            out.println("| function | classes loaded by the end of the 1st invoke | from the JDK (CDS archive or jrt) "
                    + "| from the function's jar | the runtime's serializers | generated (lambdas, proxies, reflection) "
                    + "| by phase: JVM start and runtime · init · 1st invoke |");
            out.println("| --- | --- | --- | --- | --- | --- | --- |");
            classRows.forEach(out::println);
            out.println("(the class-load logs, one per function, and the runner's marks beside each: " + work + ")");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- one child JVM

    private static Run child(Function f, String classpath, DynamoDbClient dynamo, Dynalite dynalite, StandInAws aws,
            Path work, String table, boolean prime, int invocations, Path classLog) throws Exception {
        DynamoStore store = BenchAws.store(dynamo, table);
        // the services log a JSON line per step while seeding: not this benchmark's output
        PrintStream console = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream(), true));
        Path event;
        try {
            event = f.prepare().apply(store, work);
        } finally {
            System.setOut(console);
        }

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        if (prime) command.add("-Dorg.crac.Core.Compat=huzhu.bench.crac");
        // each line stamped with the wall clock (ms), so the classes can be split by the runner's marks
        if (classLog != null) command.add("-Xlog:class+load=info:file=" + classLog + ":timemillis,uptime");
        command.addAll(List.of("-cp", classpath, "huzhu.bench.lambda.LambdaRunner", f.handler(), event.toString(),
                Integer.toString(invocations), Boolean.toString(prime)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("HUZHU_") || k.startsWith("JAVA_TOOL"));
        env.putAll(environment(f, table, dynalite, aws));

        long spawned = System.currentTimeMillis();
        Process p = pb.start();
        Map<String, Long> marks = new HashMap<>();
        String answer = "";
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("@@coldstart ")) {
                    String[] parts = line.split(" ");
                    marks.put(parts[1], Long.parseLong(parts[2]));
                } else if (line.startsWith("@@answer ")) {
                    answer = line.substring("@@answer ".length());
                } else if (output.length() < 20_000) {
                    output.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(f.name() + " did not finish in 60 s");
        }
        if (p.exitValue() != 0 || !marks.containsKey("invoke1")) {
            throw new IllegalStateException(f.name() + " exited " + p.exitValue() + ":\n" + output);
        }
        if (classLog != null) {
            Files.write(marks(classLog), marks.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        }
        long init = marks.get("init");
        long ready = marks.getOrDefault("primed", init);
        return new Run(marks.get("main") - spawned, marks.get("runtime") - marks.get("main"),
                init - marks.get("runtime"), ready - init,
                marks.get("invoke1") - ready, marks.containsKey("invoke2") ? marks.get("invoke2") - marks.get("invoke1") : -1,
                marks.get("invoke1") - spawned - (ready - init), answer);
    }

    /** The function's environment as template.yaml sets it, with the endpoints of this machine's stand-ins. */
    private static Map<String, String> environment(Function f, String table, Dynalite dynalite, StandInAws aws) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", BenchAws.REGION);
        env.put("AWS_DEFAULT_REGION", BenchAws.REGION);
        env.put("AWS_ACCESS_KEY_ID", "AKIDBENCH");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret");
        env.put("AWS_SESSION_TOKEN", "bench-session");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "huzhu-" + f.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769");
        env.put("HUZHU_TABLE", table);
        env.put("HUZHU_DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
        env.put("HUZHU_SNS_ENDPOINT", aws.endpoint().toString());
        env.put("HUZHU_SQS_ENDPOINT", aws.endpoint().toString());
        env.put("HUZHU_SECRETSMANAGER_ENDPOINT", aws.endpoint().toString());
        env.put("HUZHU_ACK_KEY_SECRET", "huzhu-ack-key");
        env.put("HUZHU_EDGE_SECRET", "huzhu-edge-secret");
        env.put("HUZHU_ESCALATION_QUEUE_URL", aws.queueUrl());
        env.put("HUZHU_LEADER_TOPIC_ARN", "arn:aws:sns:" + BenchAws.REGION + ":123456789012:huzhu-leaders");
        env.put("HUZHU_PUBLIC_BASE_URL", "https://bench.example");
        env.put("HUZHU_SMS_SIGNATURE", "【互助】");
        if (provider.templatesOnly()) {
            env.put("HUZHU_SMS_PROVIDER", provider.wire());
            env.put("HUZHU_SMS_SIGN_NAME", "互助");
            env.put("HUZHU_SMS_PROVIDER_SECRET", StandInAws.PROVIDER_SECRET);
            env.put("HUZHU_" + provider.wire().toUpperCase(Locale.ROOT) + "_SMS_ENDPOINT", aws.endpoint() + "/");
        }
        return env;
    }

    /**
     * Lambda's Java runtime starts the JVM with these (java17/java21: C1 only, serial GC, class data sharing);
     * the heap is about what 1769 MB of function memory gives.
     */
    static List<String> jvmFlags() {
        return List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Xmx1500m", "-Djava.net.preferIPv4Stack=true");
    }

    // ---------------------------------------------------------------- the functions and their events

    private static Map<String, Function> functions() {
        Map<String, Function> m = new LinkedHashMap<>();
        m.put("trigger", new Function("trigger", "functions/trigger/target/huzhu-trigger-lambda.jar",
                "huzhu.trigger.TriggerHandler", "trigger-post.json", (store, work) -> {
                    BenchUnion.seed(store, 5);
                    return fixture("trigger-post.json", work, Map.of());
                }));
        // not a function: the floor under them all (the DynamoDB client and one call of each kind), from trigger's jar
        m.put("dynamo-floor", new Function("dynamo-floor", "functions/trigger/target/huzhu-trigger-lambda.jar",
                "huzhu.bench.lambda.DynamoClientFloor", "trigger-post.json",
                (store, work) -> fixture("trigger-post.json", work, Map.of())));
        m.put("ack", new Function("ack", "functions/ack/target/huzhu-ack-lambda.jar", "huzhu.ack.AckHandler",
                "ack-get-page.json", (store, work) -> {
                    BenchUnion.seed(store, 5);
                    Incident open = openIncident(store, Instant.now());
                    // the first volunteer's link, signed with the key the stand-in's Secrets Manager hands out
                    String token = new AckTokens(StandInAws.ACK_KEY.getBytes(StandardCharsets.UTF_8))
                            .token(open.code(), open.id(), open.alerts().get(0).recipientId());
                    return fixture("ack-get-page.json", work, Map.of("secret-0001", token));
                }));
        m.put("console-api", new Function("console-api", "functions/console-api/target/huzhu-console-api-lambda.jar",
                "huzhu.console.ConsoleApiHandler", "console-list-active.json", (store, work) -> {
                    BenchUnion.seed(store, 5);
                    openIncident(store, Instant.now());
                    return fixture("console-list-active.json", work, Map.of());
                }));
        m.put("sms-inbound", new Function("sms-inbound", "functions/sms-inbound/target/huzhu-sms-inbound-lambda.jar",
                "huzhu.sms.SmsInboundHandler", "sns-family-sms.json", (store, work) -> {
                    BenchUnion.seed(store, 5);
                    return fixture("sns-family-sms.json", work, Map.of());
                }));
        m.put("escalation", new Function("escalation", "functions/escalation/target/huzhu-escalation-lambda.jar",
                "huzhu.escalation.EscalationHandler", "scheduled-check.json", (store, work) -> {
                    BenchUnion.seed(store, 5);
                    openIncident(store, Instant.now().minus(Duration.ofMinutes(10))); // its deadline has passed
                    return fixture("scheduled-check.json", work, Map.of());
                }));
        m.put("escalation-timer", new Function("escalation-timer",
                "functions/escalation/target/huzhu-escalation-lambda.jar", "huzhu.escalation.EscalationTimerHandler",
                "sqs-timer-due.json", (store, work) -> {
                    BenchUnion.seed(store, 5);
                    Incident due = openIncident(store, Instant.now().minus(Duration.ofMinutes(10)));
                    String body = "{\\\"incidentId\\\":\\\"" + due.id() + "\\\",\\\"level\\\":0,\\\"deadline\\\":\\\""
                            + due.nextEscalationAt() + "\\\"}";
                    return fixture("sqs-timer-due.json", work, Map.of(
                            "{\\\"incidentId\\\":\\\"id-0001\\\",\\\"level\\\":0,\\\"deadline\\\":\\\"2026-03-02T01:33:00Z\\\"}",
                            body));
                }));
        return m;
    }

    /**
     * The father's SMS opens an incident that alerts the 5 volunteers; the first alert's ack token is
     * {@code secret-0001}, the ack fixture's. Opened at {@code at} (in the past: due for escalation).
     */
    private static Incident openIncident(DynamoStore store, Instant at) {
        AtomicInteger secrets = new AtomicInteger();
        RandomIds random = new RandomIds(Clock.systemUTC());
        Ids ids = new Ids() {
            @Override
            public String newId() {
                return random.newId();
            }

            @Override
            public String newSecret() {
                return String.format(Locale.ROOT, "secret-%04d", secrets.incrementAndGet());
            }

            @Override
            public int nextInt(int bound) {
                return random.nextInt(bound);
            }
        };
        Messenger sent = sms -> SendResult.sent("seed-" + secrets.get());
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        Services services = Services.create(store, sent, LeaderAnnouncements.NONE, EscalationTimer.NONE, clock, ids,
                new ServiceConfig("https://bench.example", "【互助】"));
        return services.dispatcher().open(new Dispatcher.NewIncident(null, BenchUnion.MEMBER_ID, IncidentType.MEDICAL,
                "爸爸在家摔倒了", null, new Reporter(BenchUnion.FATHER_PHONE, "王德福", Channel.SMS, true), Language.ZH_CN));
    }

    private static Path fixture(String name, Path work, Map<String, String> replace) {
        try (InputStream in = ColdStart.class.getResourceAsStream("/huzhu/bench/events/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            // the HTTP functions' events come through CloudFront, with the secret the stand-in hands out
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@edge-secret@",
                    StandInAws.ACK_KEY);
            for (Map.Entry<String, String> e : replace.entrySet()) {
                if (!text.contains(e.getKey())) throw new IllegalStateException(name + " lacks " + e.getKey());
                text = text.replace(e.getKey(), e.getValue());
            }
            Path file = work.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- output

    private static String row(Function f, Path jar, String mode, List<Run> runs) throws IOException {
        List<Long> total = runs.stream().map(Run::total).toList();
        return String.format(Locale.ROOT, "| %s | %.1f | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %.0f | %.0f |",
                f.name(), Files.size(jar) / 1e6, mode, runs.size(), Stats.median(total), Stats.max(total),
                Stats.median(runs.stream().map(Run::jvm).toList()), Stats.median(runs.stream().map(Run::runtime).toList()),
                Stats.median(runs.stream().map(Run::init).toList()),
                mode.equals("primed") ? String.format(Locale.ROOT, "%.0f",
                        Stats.median(runs.stream().map(Run::prime).toList())) : "–",
                Stats.median(runs.stream().map(Run::first).toList()),
                Stats.median(runs.stream().map(Run::second).toList()));
    }

    private static String classRow(Function f, Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        long jdk = lines.stream().filter(l -> l.contains("source: jrt:/") || l.contains("shared objects file")).count();
        long jar = lines.stream().filter(l -> l.contains("source: file:") && l.contains("-lambda.jar")).count();
        long runtime = lines.stream().filter(l -> l.contains("aws-lambda-java-serialization")).count();
        // by phase: up to the runtime's mark (JVM start and the runner), up to init's, the rest (the 1st invoke)
        Map<String, Long> marks = new HashMap<>();
        for (String m : Files.readAllLines(marks(log))) marks.put(m.split(" ")[0], Long.parseLong(m.split(" ")[1]));
        long start = lines.stream().filter(l -> stamp(l) <= marks.get("runtime")).count();
        long init = lines.stream().filter(l -> stamp(l) > marks.get("runtime") && stamp(l) <= marks.get("init")).count();
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d · %d · %d |", f.name(), lines.size(), jdk,
                jar, runtime, lines.size() - jdk - jar - runtime, start, init, lines.size() - start - init);
    }

    /** Where the runner's marks of a class-load log's run are kept: beside the log. */
    private static Path marks(Path classLog) {
        return classLog.resolveSibling(classLog.getFileName() + ".marks");
    }

    /** The wall-clock stamp of a class-load log line ({@code [0.123s][1764771234567ms] java.lang.Object …}). */
    private static long stamp(String line) {
        int end = line.indexOf("ms]");
        return Long.parseLong(line.substring(line.lastIndexOf('[', end) + 1, end));
    }

    private static String classpathEntry(String contains) throws IOException {
        for (String entry : Files.readString(Path.of("target", "classpath.txt")).trim().split(java.io.File.pathSeparator)) {
            if (entry.contains(contains)) return entry;
        }
        throw new IllegalStateException(contains + " not in target/classpath.txt: run mvn -B package in infra/bench");
    }
}
