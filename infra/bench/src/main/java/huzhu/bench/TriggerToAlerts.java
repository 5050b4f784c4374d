package huzhu.bench;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.aws.dynamo.DynamoStore;
import huzhu.aws.sns.LeaderTopicPublisher;
import huzhu.aws.sns.SmsConfig;
import huzhu.aws.sns.SnsClients;
import huzhu.aws.sns.SnsMessenger;
import huzhu.aws.sqs.SqsEscalationTimer;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.Incident;
import huzhu.core.kernel.RandomIds;
import huzhu.core.kernel.Language;
import huzhu.core.sms.MainlandRouting;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsProvider;
import huzhu.sms.china.DomesticMessenger;
import huzhu.sms.china.TemplateIds;
import huzhu.sms.china.TemplateSender;
import huzhu.sms.china.aliyun.AliyunConfig;
import huzhu.sms.china.aliyun.AliyunSms;
import huzhu.sms.china.tencent.TencentConfig;
import huzhu.sms.china.tencent.TencentSms;
import huzhu.sms.SmsInboundHandler;
import huzhu.testing.Dynalite;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * From the moment the sms-inbound handler is handed a family member's SMS to the moment the
 * last level-0 alert Publish is answered, with 1, 5 and 20 volunteers to alert, on dynalite and a stand-in
 * SNS answering after 50 ms; beside it the floor measured in the same run: one PutItem, then one Publish.
 * The production adapters do the work (DynamoStore, SnsMessenger, LeaderTopicPublisher, SqsEscalationTimer),
 * wired as {@code Production} wires them, warm (cold starts are {@link ColdStart}'s business).
 * <p>
 * Between two measured SMS the incident is cancelled, so each SMS opens a new incident and alerts the same
 * volunteers. One run per size is printed as a timeline (every DynamoDB call and Publish, in ms from the
 * start), to show where the time goes.
 * <p>
 * With {@code --provider aliyun|tencent} the alerts (to +86 phones) go through that provider's adapter instead
 * ({@code DomesticMessenger} over the self-signed {@code AliyunSms} / {@code TencentSms}), its stand-in answering
 * {@code SendSms} after the same delay.
 * <p>
 * With {@code --tls true} the stand-in answers over HTTPS, as SNS and the providers do, and each run counts the
 * connections the SMS's sends opened (each a TLS handshake before its request): how many of a level's parallel
 * sends found a kept-alive connection depends on the JDK's {@code http.maxConnections}.
 * <p>
 * {@code java -cp … huzhu.bench.TriggerToAlerts [--runs 30] [--warmup 10] [--delay 50] [--sizes 1,5,20]
 * [--provider sns|aliyun|tencent] [--tls true]}
 */
public final class TriggerToAlerts {
    /** The floor's one SMS: a short catalogue text. */
    private static final RenderedSms FLOOR = new SmsComposer(null).render(Language.ZH_CN, "standDown",
            Map.of("code", "K27"));

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int runs = Integer.parseInt(a.getOrDefault("runs", "30"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        long delay = Long.parseLong(a.getOrDefault("delay", "50"));
        List<Integer> sizes = Args.ints(a.getOrDefault("sizes", "1,5,20"));
        SmsProvider provider = SmsProvider.of(a.getOrDefault("provider", "sns"));
        boolean tls = Boolean.parseBoolean(a.getOrDefault("tls", "false"));
        if (provider == null) throw new IllegalArgumentException("--provider is sns, aliyun or tencent");
        PrintStream out = System.out;
        out.println(Args.machine());

        List<String> rows = new ArrayList<>();
        try (Dynalite dynalite = Dynalite.start(); StandInAws sns = StandInAws.start(delay, tls)) {
            AwsClients clients = BenchAws.clients();
            // after the clients: building them sets the functions' http.maxConnections unless the command line did
            out.printf("runs=%d warmup=%d stand-in delay=%d ms provider=%s tls=%s http.maxConnections=%s%n", runs,
                    warmup, delay, provider.wire(), tls, System.getProperty("http.maxConnections", "(the JDK's 5)"));
            OpLog ops = new OpLog();
            DynamoDbClient dynamo = BenchAws.dynamo(clients, dynalite.endpoint(), ops);
            AwsApi snsClient = SnsClients.build(clients, sns.endpoint());
            AwsApi sqs = new AwsApi(clients, "sqs", sns.endpoint(), clients.http());
            // the services log one JSON line per step; the figures, not the log, are the output here
            System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream(), true));
            try {
                for (int size : sizes) {
                    rows.add(measure(size, runs, warmup, dynamo, snsClient, sqs, sns, ops, out, provider));
                }
            } finally {
                System.setOut(out);
            }
        }
        out.println();
        out.println("| volunteers | path p50 ms | path p90 ms | path max ms | floor p50 ms | path/floor (p50) "
                + "| handler returned p50 ms | DynamoDB calls before the last alert | Publishes before it "
                + "| new connections to SNS per SMS in (p50) |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(out::println);
        System.exit(0);
    }

    private static String measure(int size, int runs, int warmup, DynamoDbClient dynamo, AwsApi snsClient,
            AwsApi sqs, StandInAws sns, OpLog ops, PrintStream out, SmsProvider provider) {
        String table = "bench-latency-" + size;
        DynamoStore store = BenchAws.store(dynamo, table);
        BenchUnion.seed(store, size);
        Clock clock = Clock.systemUTC();
        Messenger messenger = messenger(provider, new SnsMessenger(snsClient, SmsConfig.DEFAULTS), sns);
        Services services = Services.create(store, messenger,
                new LeaderTopicPublisher(snsClient, "arn:aws:sns:ap-east-1:123456789012:huzhu-leaders"),
                new SqsEscalationTimer(sqs, sns.queueUrl(), clock), clock, new RandomIds(clock),
                new ServiceConfig("https://bench.example", "【互助】"));
        SmsInboundHandler handler = new SmsInboundHandler(services.inboundSms());
        Set<String> volunteerPhones = new java.util.HashSet<>();
        for (int v = 0; v < size; v++) volunteerPhones.add(BenchUnion.volunteerPhone(v));

        List<Double> path = new ArrayList<>();
        List<Double> returned = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> floorPut = new ArrayList<>();
        List<Double> floorSend = new ArrayList<>();
        List<Double> untilStored = new ArrayList<>();
        List<Double> storedToSent = new ArrayList<>();
        List<Double> sentToAnswered = new ArrayList<>();
        List<Double> newConnections = new ArrayList<>();
        String timeline = null;
        int dynamoCalls = 0;
        int publishesBefore = 0;
        for (int i = 0; i < warmup + runs; i++) {
            boolean counted = i >= warmup;
            // the floor: one PutItem, then one Publish, back to back
            sns.clear();
            long f0 = System.nanoTime();
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("floor#" + UUID.randomUUID()),
                    "sk", AttributeValue.fromS("floor"), "itemType", AttributeValue.fromS("floor"))));
            long fPut = System.nanoTime();
            messenger.send(new OutboundSms(BenchUnion.volunteerPhone(0), FLOOR, null));
            long f1 = System.nanoTime();
            if (counted) {
                floor.add((f1 - f0) / 1e6);
                floorPut.add((fPut - f0) / 1e6);
                floorSend.add((f1 - fPut) / 1e6);
            }

            // the path: a family member's SMS opens an incident and alerts level 0
            sns.clear();
            ops.clear();
            SNSEvent event = smsEvent(UUID.randomUUID().toString());
            long connectionsBefore = sns.connectionsOpened();
            long t0 = System.nanoTime();
            handler.handleRequest(event, null);
            long t1 = System.nanoTime();
            List<StandInAws.Publish> alerts = sns.publishes().stream()
                    .filter(p -> p.phoneNumber() != null && volunteerPhones.contains(p.phoneNumber())).toList();
            if (alerts.size() != size) {
                throw new IllegalStateException("expected " + size + " alerts, the stand-in saw " + alerts.size());
            }
            long last = alerts.stream().mapToLong(StandInAws.Publish::answeredNanos).max().orElseThrow();
            if (counted) {
                path.add((last - t0) / 1e6);
                returned.add((t1 - t0) / 1e6);
                newConnections.add((double) (sns.connectionsOpened() - connectionsBefore));
                // the run's own split: until the incident is stored, until the first SMS arrives, until the last alert
                long stored = ops.ops().stream().filter(o -> o.operation().equals("PutItem") && o.reads() != null
                        && o.reads().contains("INCIDENT")).mapToLong(OpLog.Op::endNanos).min().orElse(t0);
                long firstSent = sns.publishes().stream().filter(p -> p.phoneNumber() != null)
                        .mapToLong(StandInAws.Publish::receivedNanos).min().orElse(stored);
                untilStored.add((stored - t0) / 1e6);
                storedToSent.add((firstSent - stored) / 1e6);
                sentToAnswered.add((last - firstSent) / 1e6);
            }
            if (i == warmup + runs - 1) {
                timeline = timeline(t0, last, t1, ops.ops(), sns.publishes(), volunteerPhones);
                dynamoCalls = (int) ops.ops().stream().filter(o -> o.endNanos() <= last).count();
                publishesBefore = (int) sns.publishes().stream().filter(p -> p.answeredNanos() <= last).count();
            }
            // close it, so the next SMS opens a new incident (the family's SMS to an active one is relayed)
            for (Incident open : store.incidents().active()) services.dispatcher().cancel(open.id(), "bench", "bench");
        }
        out.printf("%n%d volunteers: one run as a timeline (ms from the handler being called)%n%s", size, timeline);
        double p50 = Stats.percentile(path, 50);
        double f50 = Stats.percentile(floor, 50);
        String row = String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %d | %d | %.0f |", size,
                p50, Stats.percentile(path, 90), Stats.max(path), f50, p50 / f50, Stats.percentile(returned, 50),
                dynamoCalls, publishesBefore, Stats.percentile(newConnections, 50));
        out.println(row);
        out.printf(Locale.ROOT, "  p50 of each run's split: SMS in → incident stored %.1f ms · stored → first SMS arrives %.1f"
                + " · → last alert answered %.1f; the floor: PutItem %.1f · Publish %.1f%n",
                Stats.percentile(untilStored, 50), Stats.percentile(storedToSent, 50),
                Stats.percentile(sentToAnswered, 50), Stats.percentile(floorPut, 50),
                Stats.percentile(floorSend, 50));
        return row;
    }

    /** SNS, or the domestic provider's adapter for +86 numbers (as Production wires it), on the stand-in. */
    static Messenger messenger(SmsProvider provider, Messenger sns, StandInAws standIn) {
        if (!provider.templatesOnly()) return sns;
        java.net.URI endpoint = java.net.URI.create(standIn.endpoint() + "/");
        TemplateSender sender = provider == SmsProvider.ALIYUN
                ? new AliyunSms(new AliyunConfig("LTAIbench", "bench", "互助", endpoint))
                : new TencentSms(new TencentConfig("AKIDbench", "bench", "1400000000", "互助", null, endpoint));
        return new MainlandRouting(new DomesticMessenger(provider, "互助", sender, TemplateIds.namesAsIds(provider),
                DomesticMessenger.Listener.NONE), sns);
    }

    static SNSEvent smsEvent(String inboundMessageId) {
        String message = "{\"originationNumber\":\"" + BenchUnion.FATHER_PHONE + "\",\"destinationNumber\":\"+8610690000123\","
                + "\"messageKeyword\":\"KEYWORD_123456789012\",\"messageBody\":\"救命 老伴胸口疼\",\"inboundMessageId\":\""
                + inboundMessageId + "\",\"previousPublishedMessageId\":null}";
        SNSEvent.SNS sns = new SNSEvent.SNS().withType("Notification").withMessageId(UUID.randomUUID().toString())
                .withTopicArn("arn:aws:sns:ap-east-1:123456789012:huzhu-inbound-sms").withMessage(message);
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withEventSource("aws:sns").withSns(sns)));
    }

    private static String timeline(long t0, long lastAlert, long returned, List<OpLog.Op> ops,
            List<StandInAws.Publish> publishes, Set<String> volunteers) {
        record Line(long start, long end, String what) {
        }
        List<Line> lines = new ArrayList<>();
        for (OpLog.Op op : ops) lines.add(new Line(op.startNanos(), op.endNanos(),
                op.reads() == null || op.reads().isEmpty() ? op.operation() : op.operation() + " " + op.reads()));
        List<StandInAws.Publish> alerts = new ArrayList<>();
        for (StandInAws.Publish p : publishes) {
            if (p.topicArn() == null && volunteers.contains(p.phoneNumber())) {
                alerts.add(p);
            } else {
                lines.add(new Line(p.receivedNanos(), p.answeredNanos(), p.topicArn() != null
                        ? "Publish to the leaders' topic" : "Publish SMS to " + p.phoneNumber()));
            }
        }
        if (!alerts.isEmpty()) {
            // the alerts of one level go out together: one line, from the first arriving to the last answered
            lines.add(new Line(alerts.stream().mapToLong(StandInAws.Publish::receivedNanos).min().orElseThrow(),
                    alerts.stream().mapToLong(StandInAws.Publish::answeredNanos).max().orElseThrow(),
                    "Publish alert ×" + alerts.size() + " (first arrived – last answered)"));
        }
        lines.sort((x, y) -> Long.compare(x.start(), y.start()));
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(String.format(Locale.ROOT, "  %7.1f – %7.1f  %s%n", (l.start() - t0) / 1e6, (l.end() - t0) / 1e6,
                    l.what()));
        }
        sb.append(String.format(Locale.ROOT, "  last alert answered at %.1f ms, handler returned at %.1f ms%n",
                (lastAlert - t0) / 1e6, (returned - t0) / 1e6));
        return sb.toString();
    }
}
