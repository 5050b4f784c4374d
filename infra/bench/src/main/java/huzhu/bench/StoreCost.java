package huzhu.bench;

import huzhu.aws.dynamo.DynamoStore;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.RandomIds;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.SendResult;
import huzhu.testing.Dynalite;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What the DynamoDB store costs, measured on dynalite:
 * <ol>
 *   <li>the escalation check's read cost does not grow with history: one check (the sweep's Query of due
 *       deadlines, then the whole {@code escalateDue}) with 50 active incidents (10 due) beside 1,000 and beside
 *       100,000 resolved ones — items read and read capacity;</li>
 *   <li>read and write capacity of one full incident lifecycle: the family's SMS (incident, alerts to 5), the
 *       escalation to level 1, a volunteer's "1", "2" (arrived) and "9" (done, resolved) — each DynamoDB call.</li>
 * </ol>
 * Capacity is what the engine reports with {@code ReturnConsumedCapacity=TOTAL} (added to every request by an
 * interceptor: the store does not ask for it); dynalite computes it from item sizes by DynamoDB's rules.
 * The resolved history is seeded with BatchWriteItem (copies of one real resolved incident item, new ids).
 * <p>
 * {@code java -cp … huzhu.bench.StoreCost [--histories 1000,100000]}
 */
public final class StoreCost {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        List<Integer> histories = Args.ints(a.getOrDefault("histories", "1000,100000"));
        PrintStream out = System.out;
        out.println(Args.machine());
        List<String> rows = new ArrayList<>();
        List<String> lifecycle;
        try (Dynalite dynalite = Dynalite.start()) {
            OpLog ops = new OpLog();
            DynamoDbClient dynamo = BenchAws.dynamo(BenchAws.clients(), dynalite.endpoint(), new AskForCapacity(), ops);
            System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream(), true));
            try {
                for (int resolved : histories) rows.addAll(checkCost(dynamo, ops, resolved, out));
                lifecycle = lifecycle(dynamo, ops);
            } finally {
                System.setOut(out);
            }
        }
        out.println();
        out.println("| resolved in history | active (due) | what | calls | items read | RCU |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        rows.forEach(out::println);
        out.println();
        out.println("| step | DynamoDB call | items | RCU | WCU |");
        out.println("| --- | --- | --- | --- | --- |");
        lifecycle.forEach(out::println);
        System.exit(0);
    }

    // ---------------------------------------------------------------- 1. the check against history

    private static List<String> checkCost(DynamoDbClient dynamo, OpLog ops, int resolved, PrintStream out)
            throws Exception {
        String table = "cost-" + resolved;
        DynamoStore store = BenchAws.store(dynamo, table);
        BenchUnion.seed(store, 5);
        MovableClock clock = new MovableClock(Instant.now().minus(Duration.ofMinutes(10)));
        Services services = services(store, clock);
        Dispatcher d = services.dispatcher();

        // one real resolved incident: the template of the history
        Incident first = open(d);
        d.resolve(first.id(), "seed", null, "bench");
        Map<String, AttributeValue> template = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("INCIDENT#" + first.id()), "sk", AttributeValue.fromS("INCIDENT")))
                .build()).item();
        if (template.isEmpty()) throw new IllegalStateException("template item not found: key shape changed?");
        long seeded = System.nanoTime();
        seed(dynamo, table, template, first.id(), resolved - 1);
        out.printf(Locale.ROOT, "seeded %,d resolved incidents in %.1f s%n", resolved, (System.nanoTime() - seeded) / 1e9);

        // 50 active: 10 opened 10 minutes ago (past their 180 s deadline), 40 just now
        for (int i = 0; i < 10; i++) open(d);
        clock.set(Instant.now());
        for (int i = 0; i < 40; i++) open(d);

        List<String> rows = new ArrayList<>();
        ops.clear();
        List<Incident> due = store.incidents().dueForEscalation(clock.instant());
        rows.add(row(resolved, "the sweep's Query of due deadlines (returned " + due.size() + ")", ops.ops()));
        ops.clear();
        int escalated = d.escalateDue();
        List<OpLog.Op> check = ops.ops();
        rows.add(row(resolved, "the whole check, escalateDue (" + escalated + " escalated): its reads",
                check.stream().filter(o -> !o.operation().equals("PutItem")).toList()));
        return rows;
    }

    private static String row(int resolved, String what, List<OpLog.Op> ops) {
        int items = 0;
        double rcu = 0;
        for (OpLog.Op op : ops) {
            items += items(op);
            rcu += capacity(op, true);
        }
        return String.format(Locale.ROOT, "| %,d | 50 (10) | %s | %d (%s) | %d | %.1f |", resolved, what, ops.size(),
                counts(ops), items, rcu);
    }

    private static void seed(DynamoDbClient dynamo, String table, Map<String, AttributeValue> template, String templateId,
            int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += 25) {
                int n = Math.min(25, count - from);
                batches.add(pool.submit(() -> {
                    List<WriteRequest> writes = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        String id = "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
                        Map<String, AttributeValue> item = new HashMap<>();
                        template.forEach((k, v) -> item.put(k, v.s() != null && v.s().contains(templateId)
                                ? AttributeValue.fromS(v.s().replace(templateId, id)) : v));
                        writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                    }
                    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
                    for (int attempt = 0; !pending.isEmpty() && attempt < 20; attempt++) {
                        var r = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                        pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                    }
                    return null;
                }));
            }
            for (Future<?> f : batches) f.get();
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- 2. one lifecycle

    private static List<String> lifecycle(DynamoDbClient dynamo, OpLog ops) {
        DynamoStore store = BenchAws.store(dynamo, "cost-lifecycle");
        BenchUnion.seed(store, 5);
        MovableClock clock = new MovableClock(Instant.now());
        Services services = services(store, clock);
        InboundSmsService sms = services.inboundSms();
        List<String> rows = new ArrayList<>();
        double[] total = new double[2];
        step(rows, total, ops, "family SMS: incident opened, alerts to 5", () -> sms.handle(inbound(BenchUnion.FATHER_PHONE, "救命 老伴胸口疼")));
        clock.set(clock.instant().plus(Duration.ofMinutes(4)));
        step(rows, total, ops, "escalation check: level 1 (2 officers)", () -> services.dispatcher().escalateDue());
        step(rows, total, ops, "volunteer replies 1: accepted", () -> sms.handle(inbound(BenchUnion.volunteerPhone(0), "1")));
        step(rows, total, ops, "volunteer replies 2: arrived", () -> sms.handle(inbound(BenchUnion.volunteerPhone(0), "2")));
        step(rows, total, ops, "volunteer replies 9: done, resolved", () -> sms.handle(inbound(BenchUnion.volunteerPhone(0), "9")));
        rows.add(String.format(Locale.ROOT, "| **lifecycle** | | | **%.1f** | **%.1f** |", total[0], total[1]));
        return rows;
    }

    private static void step(List<String> rows, double[] total, OpLog ops, String name, Runnable step) {
        ops.clear();
        step.run();
        for (OpLog.Op op : ops.ops()) {
            double rcu = capacity(op, true);
            double wcu = capacity(op, false);
            total[0] += rcu;
            total[1] += wcu;
            rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |", name, describe(op), items(op), rcu, wcu));
            name = "";
        }
    }

    private static InboundSmsService.InboundSms inbound(String from, String body) {
        return new InboundSmsService.InboundSms(from, "+8610690000123", body, UUID.randomUUID().toString(), null);
    }

    // ---------------------------------------------------------------- plumbing

    private static Services services(DynamoStore store, Clock clock) {
        Messenger sent = sms -> SendResult.sent("bench-" + UUID.randomUUID());
        return Services.create(store, sent, LeaderAnnouncements.NONE, EscalationTimer.NONE, clock,
                new RandomIds(clock), new ServiceConfig("https://bench.example", "【互助】"));
    }

    private static Incident open(Dispatcher d) {
        return d.open(new Dispatcher.NewIncident(null, BenchUnion.MEMBER_ID, IncidentType.MEDICAL, "爸爸在家摔倒了", null,
                new Reporter(BenchUnion.FATHER_PHONE, "王德福", Channel.SMS, true), Language.ZH_CN));
    }

    private static int items(OpLog.Op op) {
        if (op.response() instanceof QueryResponse q) return q.count();
        if (op.response() instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse g) {
            return g.hasItem() && !g.item().isEmpty() ? 1 : 0;
        }
        if (op.response() instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse b) {
            return b.responses().values().stream().mapToInt(List::size).sum();
        }
        return op.operation().equals("PutItem") || op.operation().equals("DeleteItem") ? 1 : 0;
    }

    /** Read (or write) capacity units the engine reported for this call; 0 if it reported none. */
    private static double capacity(OpLog.Op op, boolean read) {
        List<ConsumedCapacity> reported = new ArrayList<>();
        if (op.response() instanceof QueryResponse q && q.consumedCapacity() != null) reported.add(q.consumedCapacity());
        if (op.response() instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse g
                && g.consumedCapacity() != null) reported.add(g.consumedCapacity());
        if (op.response() instanceof software.amazon.awssdk.services.dynamodb.model.PutItemResponse p
                && p.consumedCapacity() != null) reported.add(p.consumedCapacity());
        if (op.response() instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse b
                && b.consumedCapacity() != null) reported.addAll(b.consumedCapacity());
        if (op.response() instanceof software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse del
                && del.consumedCapacity() != null) reported.add(del.consumedCapacity());
        double units = 0;
        for (ConsumedCapacity c : reported) {
            Double v = read ? c.readCapacityUnits() : c.writeCapacityUnits();
            if (v == null && c.capacityUnits() != null) {
                boolean isRead = op.operation().equals("Query") || op.operation().equals("GetItem")
                        || op.operation().equals("BatchGetItem");
                v = isRead == read ? c.capacityUnits() : 0.0;
            }
            units += v == null ? 0 : v;
        }
        return units;
    }

    private static String describe(OpLog.Op op) {
        return op.operation();
    }

    private static String counts(List<OpLog.Op> ops) {
        Map<String, Integer> c = new java.util.TreeMap<>();
        for (OpLog.Op op : ops) c.merge(op.operation(), 1, Integer::sum);
        return c.toString().replace("{", "").replace("}", "").replace("=", " ×");
    }

    /** Adds ReturnConsumedCapacity=TOTAL to every request that takes it: the store itself never asks. */
    private static final class AskForCapacity implements ExecutionInterceptor {
        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest r = context.request();
            ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
            if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof GetItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof DeleteItemRequest d) return d.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest b) {
                return b.toBuilder().returnConsumedCapacity(total).build();
            }
            return r;
        }
    }

    /** A clock the benchmark moves (deadlines pass without waiting). */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void set(Instant t) {
            now.set(t);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
