package huzhu.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import huzhu.aws.AwsClients;
import huzhu.aws.sqs.SqsEscalationTimer;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.directory.Area;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Alert;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.incident.RecipientKind;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.RandomIds;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.SendResult;
import huzhu.escalation.EscalationTimerHandler;
import huzhu.local.LocalConfig;
import huzhu.local.LocalStack;
import huzhu.local.store.SqliteStore;
import huzhu.testing.ElasticMq;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * How late escalation comes: N incidents whose level-0 deadlines are spread over a window, nobody answers most
 * of them, a third are accepted within half a second of their deadline (racing the escalation). Measures
 * how late each escalation came (actual − deadline, from the timeline) through
 * <ol>
 *   <li>{@code local}: the local stack — in-process timer, the escalation timer function, the embedded store,
 *       the sweep at its interval;</li>
 *   <li>{@code sqs}: the SQS adapter on ElasticMQ, consumed by a real receive/handle/delete loop (4 pollers,
 *       as Lambda's SQS poller would), the embedded store, the sweep at its interval;</li>
 *   <li>{@code sweep}: no timer, the sweep alone at its interval.</li>
 * </ol>
 * and checks zero double escalations, zero escalations after an accept, nothing forgotten.
 * <p>
 * {@code java -cp … huzhu.bench.EscalationTiming [--incidents 1000] [--window 120] [--sweep 60]
 * [--scenarios local,sqs,sweep]}. The services' JSON log lines go to {@code target/bench-*.log}.
 */
public final class EscalationTiming {
    record Options(int incidents, int windowSeconds, int sweepSeconds, int leadSeconds, List<String> scenarios) {
        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            return new Options(Integer.parseInt(a.getOrDefault("incidents", "1000")),
                    Integer.parseInt(a.getOrDefault("window", "120")),
                    Integer.parseInt(a.getOrDefault("sweep", "60")),
                    Integer.parseInt(a.getOrDefault("lead", "20")),
                    List.of(a.getOrDefault("scenarios", "local,sqs,sweep").split(",")));
        }
    }

    record Result(String scenario, int incidents, int escalations, int accepted, long p50, long p99, long max,
            int doubleEscalations, int escalationsAfterAccept, int forgotten, int byTimer, int bySweep,
            Duration openingTook) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d / %d | %.1f s |",
                    scenario, incidents, escalations, accepted, p50, p99, max, doubleEscalations,
                    escalationsAfterAccept, forgotten, byTimer, bySweep, openingTook.toMillis() / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        PrintStream out = System.out;
        out.printf("incidents=%d window=%ds sweep=%ds lead=%ds cores=%d java=%s%n", o.incidents(), o.windowSeconds(),
                o.sweepSeconds(), o.leadSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (String scenario : o.scenarios()) {
            out.println("running " + scenario + " …");
            Result r = run(scenario.trim(), o);
            out.println(r.row());
            results.add(r);
        }
        out.println();
        out.println("| timer | incidents | escalations | accepted | p50 ms | p99 ms | max ms | double | after accept"
                + " | forgotten | by timer / sweep | opening |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        results.forEach(r -> out.println(r.row()));
        System.exit(0);
    }

    // ---------------------------------------------------------------- one scenario

    /** What a scenario runs on: the dispatcher, a way to read incidents, and how to stop. */
    private interface Rig extends AutoCloseable {
        Dispatcher dispatcher();

        Store store();

        @Override
        void close() throws Exception;
    }

    private static Result run(String scenario, Options o) throws Exception {
        Path dir = Files.createTempDirectory("huzhu-bench-" + scenario);
        Path logFile = Path.of("target", "bench-" + scenario + ".log").toAbsolutePath();
        Files.createDirectories(logFile.getParent());
        LogCounter logs = new LogCounter(Files.newOutputStream(logFile));
        PrintStream console = System.out;
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            try (SqliteStore seed = SqliteStore.open(dir)) {
                aUnion(seed, o.incidents());
            }
            try (Rig rig = switch (scenario) {
                case "local" -> localStack(dir, o);
                case "sqs" -> sqsOnElasticMq(dir, o, true);
                case "sweep" -> sqsOnElasticMq(dir, o, false);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }) {
                return drive(scenario, rig, o, logs);
            }
        } finally {
            System.out.flush();
            System.setOut(console);
            logs.close();
        }
    }

    private static Result drive(String scenario, Rig rig, Options o, LogCounter logs) throws Exception {
        Random random = new Random(5);
        int n = o.incidents();
        Instant start = Instant.now();
        Instant firstDeadline = start.plusSeconds(o.leadSeconds());
        ScheduledExecutorService accepters = Executors.newScheduledThreadPool(2);
        Map<String, Instant> acceptAt = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        long openingStarted = System.nanoTime();
        for (int i = 0; i < n; i++) {
            // deadlines spread evenly over the window; the level-0 timeout is what is left until then
            Instant deadline = firstDeadline.plusMillis((long) o.windowSeconds() * 1000 * i / n);
            int timeout = (int) Math.max(1, Math.ceil(Duration.between(Instant.now(), deadline).toMillis() / 1000.0));
            rig.store().settings().saveEscalationPolicy(policy(timeout));
            Incident opened = rig.dispatcher().open(new Dispatcher.NewIncident(null, "m-" + i, IncidentType.MEDICAL,
                    "bench", null, new Reporter(phone(500_000 + i), null, Channel.HTTP, true), Language.ZH_CN));
            ids.add(opened.id());
            if (i % 3 == 0 && opened.nextEscalationAt() != null) {
                // a neighbour accepts within half a second either side of the deadline: the race
                Instant at = opened.nextEscalationAt().plusMillis(random.nextInt(1000) - 500);
                acceptAt.put(opened.id(), at);
                String volunteer = opened.alerts().stream().filter(a -> a.recipientKind() == RecipientKind.VOLUNTEER)
                        .map(Alert::recipientId).findFirst().orElse(null);
                if (volunteer != null) {
                    accepters.schedule(() -> rig.dispatcher().respond(opened.id(), volunteer, Action.ACCEPT),
                            Math.max(0, Duration.between(Instant.now(), at).toMillis()), TimeUnit.MILLISECONDS);
                }
            }
        }
        Duration opening = Duration.ofNanos(System.nanoTime() - openingStarted);

        // wait until every incident either escalated or was accepted, at most until a sweep after the window
        Instant giveUp = firstDeadline.plusSeconds(o.windowSeconds() + o.sweepSeconds() + 15L);
        while (Instant.now().isBefore(giveUp)) {
            if (ids.stream().allMatch(id -> settled(rig.store().incidents().get(id).orElseThrow()))) break;
            Thread.sleep(500);
        }
        Thread.sleep(1500);   // accepts still scheduled around the last deadlines
        accepters.shutdown();
        accepters.awaitTermination(10, TimeUnit.SECONDS);

        List<Long> lateness = new ArrayList<>();
        int doubles = 0;
        int afterAccept = 0;
        int forgotten = 0;
        int accepted = 0;
        for (String id : ids) {
            Incident i = rig.store().incidents().get(id).orElseThrow();
            Map<Instant, Integer> perDeadline = new HashMap<>();
            int acceptedIndex = -1;
            for (int k = 0; k < i.timeline().size(); k++) {
                TimelineEntry e = i.timeline().get(k);
                if (e.kind().equals("accepted") && acceptedIndex < 0) acceptedIndex = k;
                if (e.deadline() != null) {
                    lateness.add(e.lateness().toMillis());
                    perDeadline.merge(e.deadline(), 1, Integer::sum);
                    if (acceptedIndex >= 0) afterAccept++;
                }
            }
            doubles += perDeadline.values().stream().mapToInt(c -> c - 1).sum();
            if (i.status() == IncidentStatus.ACKNOWLEDGED) accepted++;
            if (!settled(i)) forgotten++;
        }
        lateness.sort(null);
        return new Result(scenario, n, lateness.size(), accepted, pct(lateness, 50), pct(lateness, 99),
                lateness.isEmpty() ? -1 : lateness.get(lateness.size() - 1), doubles, afterAccept, forgotten,
                logs.byTimer.get(), logs.bySweep.get(), opening);
    }

    /** Escalated past level 0, accepted, or (a level with nobody) moved on: nothing left to wait for. */
    private static boolean settled(Incident i) {
        return i.status() != IncidentStatus.OPEN || i.level() > 0;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // ---------------------------------------------------------------- rigs

    private static Rig localStack(Path dir, Options o) {
        Map<String, String> env = Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", "bench-admin-token-0001",
                "HUZHU_SWEEP_SECONDS", Integer.toString(o.sweepSeconds()), "HUZHU_DATA_DIR", dir.toString());
        Clock clock = Clock.systemUTC();
        LocalStack stack = LocalStack.start(LocalConfig.from(env, dir), clock, new RandomIds(clock));
        return new Rig() {
            public Dispatcher dispatcher() {
                return stack.services().dispatcher();
            }

            public Store store() {
                return stack.store();
            }

            public void close() {
                stack.close();
            }
        };
    }

    /** The SQS adapter on ElasticMQ with 4 pollers (withTimer), or no timer at all; the sweep either way. */
    private static Rig sqsOnElasticMq(Path dir, Options o, boolean withTimer) {
        Clock clock = Clock.systemUTC();
        SqliteStore store = SqliteStore.open(dir);
        ElasticMq mq = ElasticMq.start();
        AwsClients clients = new AwsClients(Region.of("cn-north-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")),
                UrlConnectionHttpClient.create());
        SqsClient sqs = clients.configure(SqsClient.builder(), mq.endpoint()).build();
        String queueUrl = sqs.createQueue(b -> b.queueName("huzhu-escalation")).queueUrl();
        EscalationTimer timer = withTimer ? SqsEscalationTimer.fromEnvironment(clients, clock, Map.of(
                "HUZHU_ESCALATION_QUEUE_URL", queueUrl, "HUZHU_SQS_ENDPOINT", mq.endpoint().toString()))
                : EscalationTimer.NONE;
        Services services = Services.create(store, new CountingMessenger(), timer, clock, new RandomIds(clock),
                new ServiceConfig("https://bench.example", null));
        EscalationTimerHandler handler = new EscalationTimerHandler(services.dispatcher());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> pollers = new ArrayList<>();
        for (int p = 0; withTimer && p < 4; p++) {
            Thread t = new Thread(() -> poll(sqs, queueUrl, handler, running), "sqs-poller-" + p);
            t.setDaemon(true);
            t.start();
            pollers.add(t);
        }
        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor();
        sweep.scheduleWithFixedDelay(() -> {
            try {
                services.dispatcher().escalateDue();
            } catch (RuntimeException e) {
                e.printStackTrace(System.out);
            }
        }, o.sweepSeconds(), o.sweepSeconds(), TimeUnit.SECONDS);
        return new Rig() {
            public Dispatcher dispatcher() {
                return services.dispatcher();
            }

            public Store store() {
                return store;
            }

            public void close() throws Exception {
                running.set(false);
                sweep.shutdownNow();
                for (Thread t : pollers) t.join(5000);
                sqs.close();
                mq.close();
                store.close();
            }
        };
    }

    /** What Lambda's SQS poller does: long-poll, invoke with the batch, delete what the function did not fail. */
    private static void poll(SqsClient sqs, String queueUrl, EscalationTimerHandler handler, AtomicBoolean running) {
        while (running.get()) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty()) continue;
                SQSEvent event = new SQSEvent();
                List<SQSEvent.SQSMessage> records = new ArrayList<>();
                for (Message m : messages) {
                    SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
                    r.setMessageId(m.messageId());
                    r.setReceiptHandle(m.receiptHandle());
                    r.setBody(m.body());
                    Map<String, String> attributes = new HashMap<>();
                    m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
                    r.setAttributes(attributes);
                    r.setEventSource("aws:sqs");
                    records.add(r);
                }
                event.setRecords(records);
                SQSBatchResponse response = handler.handleRequest(event, null);
                List<String> failed = response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
                List<DeleteMessageBatchRequestEntry> done = messages.stream()
                        .filter(m -> !failed.contains(m.messageId()))
                        .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                .receiptHandle(m.receiptHandle()).build())
                        .toList();
                if (!done.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
            } catch (RuntimeException e) {
                if (running.get()) e.printStackTrace(System.out);
            }
        }
    }

    // ---------------------------------------------------------------- the union

    private static EscalationPolicy policy(int level0TimeoutSeconds) {
        return new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 2, null, level0TimeoutSeconds, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 3600, null)));
    }

    private static String phone(int n) {
        return String.format(Locale.ROOT, "+86139%08d", n);
    }

    /** One member per incident in 50 cities; 4 volunteers per city (maxActive 100); two officers. */
    private static void aUnion(Store store, int members) {
        Instant now = Instant.now();
        int cities = 50;
        for (int c = 0; c < cities; c++) {
            Area area = new Area("城市" + c, "中心区");
            for (int v = 0; v < 4; v++) {
                store.directory().volunteers().insert(new Volunteer("v-" + c + "-" + v, "队员" + c + "-" + v,
                        phone(100_000 + c * 10 + v), area, null, List.of("first-aid"), true, 100, Language.ZH_CN,
                        now, now));
            }
        }
        for (int m = 0; m < members; m++) {
            store.directory().members().insert(new Member("m-" + m, "会员" + m, phone(200_000 + m), "分会", new Area(
                    "城市" + (m % cities), "中心区"), "某路 " + m + " 号", null, List.of(), Language.ZH_CN, now, now));
        }
        for (int l = 0; l < 2; l++) {
            store.directory().leaders().insert(new Leader("l-" + l, "干事" + l, phone(300_000 + l), null, "干事", 1,
                    Language.ZH_CN, now, now));
        }
    }

    /** Every SMS "sent" at once, as an outbox would; the bench measures timers, not SNS. */
    private static final class CountingMessenger implements Messenger {
        private final AtomicInteger sent = new AtomicInteger();

        @Override
        public SendResult send(huzhu.core.sms.OutboundSms sms) {
            return SendResult.sent("bench-" + sent.incrementAndGet());
        }
    }

    /** The log lines go to a file; escalations are counted by who made them (timer or sweep). */
    private static final class LogCounter extends OutputStream {
        private final OutputStream file;
        private final StringBuilder line = new StringBuilder();
        final AtomicInteger byTimer = new AtomicInteger();
        final AtomicInteger bySweep = new AtomicInteger();

        LogCounter(OutputStream file) {
            this.file = file;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            file.write(b);
            if (b == '\n') {
                String l = line.toString();
                line.setLength(0);
                if (l.contains("\"message\":\"incident.escalated\"")) {
                    if (l.contains("\"source\":\"timer\"")) byTimer.incrementAndGet();
                    if (l.contains("\"source\":\"sweep\"")) bySweep.incrementAndGet();
                }
            } else {
                line.append((char) b);
            }
        }

        @Override
        public synchronized void close() {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private EscalationTiming() {
    }
}
