package huzhu.testing.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import huzhu.testing.load.LoopbackClient.Reply;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bad night on a running local stack, over HTTP on loopback only, the way production would see it: a union of
 * members each with a personal link and family phones, volunteers over several districts, leaders; then every
 * member's family calls once within a window (by the link from the family's own home address, or by SMS), the
 * volunteers answer their alert SMS (yes, no, or not at all; by SMS or the ack link, from their phones' addresses)
 * and say done later, and officers keep the board and the surge screen open. Then it reads back the outbox and the
 * incidents and counts: families answered, nothing lost, no 5xx, no family refused, nobody over {@code maxActive},
 * and how long from each call to its incident's first alert. Bounded in count and time.
 */
public final class BadNight {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACK_PATH = Pattern.compile("/v1/acks/[A-Za-z0-9_-]+");
    private static final String[] DISTRICTS = {"路南区", "路北区", "古冶区", "开平区", "丰南区", "丰润区", "曹妃甸区",
            "迁安市", "遵化市", "滦州市", "滦南县", "乐亭县"};
    private static final String CITY = "唐山市";
    /** Source address blocks: families' homes 127.0.0.x…, volunteers' phones from 127.0.40.x, the office 127.0.60.x. */
    private static final int FAMILIES = 0;
    private static final int VOLUNTEERS = 40;
    private static final int OFFICE = 60;

    /**
     * @param members            each with a link and one or two family phones; each family calls once
     * @param districts          of 唐山市, members and volunteers spread evenly (at most 12)
     * @param volunteers         in all, spread over the districts (every fourth takes two at a time)
     * @param addresses          families' home addresses the calls come from (50+ for a production-like night)
     * @param linkShare          the share of families using the link (the rest text the union's number)
     * @param window             the calls are spread evenly over this
     * @param drain              how long volunteers and officers go on after the last call
     * @param officers           officers polling the board and the surge screen
     * @param clients            calls under way at once at most
     * @param levelSeconds       the escalation policy's timeouts, level by level (contract shape: 3 levels)
     */
    public record Plan(int members, int districts, int volunteers, int addresses, double linkShare, Duration window,
            Duration drain, int officers, int clients, int[] levelSeconds, long seed) {
        public Plan {
            if (districts < 1 || districts > DISTRICTS.length) throw new IllegalArgumentException("districts 1.." + DISTRICTS.length);
            if (addresses < 1 || addresses > 254 * VOLUNTEERS) throw new IllegalArgumentException("addresses");
            if (levelSeconds.length != 3) throw new IllegalArgumentException("three level timeouts");
        }

        /** A production-like night: 1,000 members, 200 volunteers over 10 districts, 64 addresses. */
        public static Plan full() {
            return new Plan(1000, 10, 200, 64, 0.6, Duration.ofSeconds(120), Duration.ofSeconds(30), 5, 48,
                    new int[] {60, 120, 240}, 20261220);
        }

        /**
         * The short night {@code mvn verify} runs on the embedded store: 100 members from 20 addresses within 10 s,
         * the full night's 10 calls a second and more, for long enough that every volunteer's first answers come
         * in (a second to five after the alert). The full night is {@link #full()} (infra/bench).
         */
        public static Plan verify() {
            return new Plan(100, 10, 40, 20, 0.6, Duration.ofSeconds(10), Duration.ofSeconds(6), 5, 16,
                    new int[] {60, 120, 240}, 20261220);
        }

        /** A shorter one for the DynamoDB adapter on dynalite, whose every call costs more: 40 members in 10 s. */
        public static Plan verifyOnDynalite() {
            return new Plan(40, 10, 20, 20, 0.6, Duration.ofSeconds(10), Duration.ofSeconds(6), 5, 8,
                    new int[] {60, 120, 240}, 20261220);
        }
    }

    /** What the night came to. Times in milliseconds. */
    public record Result(Plan plan, int calls, int linkCalls, int smsCalls, Map<Integer, Integer> callStatuses,
            double callSeconds, long callP50, long callP99, int incidentsStored, int lost, int serverErrors,
            int familiesRefused, int familiesWithoutReceipt, int alertedAtOnce, long firstAlertP50, long firstAlertP99,
            long firstAlertMax, int queued, int queuedOffered, long queuedP50, int neverAlerted, int overMaxActive,
            int volunteerReplies, int ackPageUses, int accepted, int officerPolls, Map<Integer, Integer> officerStatuses,
            int maxSmsToALeader, int maxSmsToAVolunteer, int districtsInSurge, List<String> problems) {

        public String report() {
            return String.format(java.util.Locale.ROOT, """
                    bad night: %d members, %d volunteers over %d districts, %d family addresses, %d officers
                      calls: %d (%d by link, %d by SMS) in %.1f s = %.1f/s; statuses %s; call p50 %d ms, p99 %d ms
                      stored %d incidents; lost %d; 5xx %d; families refused %d; families without a receipt %d
                      first alert after the call (alerted at open, %d): p50 %d ms, p99 %d ms, max %d ms
                      queued in a surge: %d (offered a volunteer later: %d, p50 %d ms); never alerted %d
                      volunteers: %d replies (%d on the ack page), %d accepted; over maxActive %d
                      officers: %d polls, statuses %s; most SMS to one leader %d, to one volunteer %d; districts in surge %d
                      problems: %s""",
                    plan.members(), plan.volunteers(), plan.districts(), plan.addresses(), plan.officers(),
                    calls, linkCalls, smsCalls, callSeconds, calls / Math.max(callSeconds, 0.001), callStatuses,
                    callP50, callP99, incidentsStored, lost, serverErrors, familiesRefused, familiesWithoutReceipt,
                    alertedAtOnce, firstAlertP50, firstAlertP99, firstAlertMax, queued, queuedOffered, queuedP50,
                    neverAlerted, volunteerReplies, ackPageUses, accepted, overMaxActive, officerPolls,
                    officerStatuses, maxSmsToALeader, maxSmsToAVolunteer, districtsInSurge,
                    problems.isEmpty() ? "none" : problems);
        }
    }

    private record Family(String memberId, String district, String phone, String familyPhone, String token,
            InetAddress home, boolean byLink) {
    }

    private record Helper(String id, String phone, int maxActive, InetAddress address) {
    }

    /** One family's call: what was sent when, and what came back. */
    private record Call(Family family, Instant sentAt, int status, long millis, String incidentId, String error) {
    }

    private final LoopbackClient http;
    private final Map<String, String> admin;
    private final Map<String, String> officer;
    private final Plan plan;
    private final PrintStream log;
    private final Random random;
    private final List<Family> families = new ArrayList<>();
    private final Map<String, Helper> helpersByPhone = new ConcurrentHashMap<>();
    private final Set<String> leaderPhones = new HashSet<>();
    private final AtomicBoolean night = new AtomicBoolean(true);
    /** Counted down as the night ends: the outbox reader and the officers stop at once, not after their pause. */
    private final CountDownLatch dawn = new CountDownLatch(1);
    private final AtomicInteger volunteerReplies = new AtomicInteger();
    private final AtomicInteger ackPageUses = new AtomicInteger();
    private final AtomicInteger officerPolls = new AtomicInteger();
    private final Map<Integer, Integer> officerStatuses = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private BadNight(int port, String adminToken, String officerToken, Plan plan, PrintStream log) {
        this.http = new LoopbackClient(port, 60_000);
        this.admin = Map.of("Authorization", "Bearer " + adminToken);
        this.officer = Map.of("Authorization", "Bearer " + officerToken);
        this.plan = plan;
        this.log = log;
        this.random = new Random(plan.seed());
    }

    /** Runs the night against the local stack on 127.0.0.1:{@code port}, whose admin and officer tokens are given. */
    public static Result run(int port, String adminToken, String officerToken, Plan plan, PrintStream log)
            throws Exception {
        return new BadNight(port, adminToken, officerToken, plan, log).run();
    }

    private Result run() throws Exception {
        long t0 = System.nanoTime();
        union();
        log.printf("bad night: union registered in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        ScheduledThreadPoolExecutor phones = new ScheduledThreadPoolExecutor(4);
        // an answer still to come when the night ends would not be sent (a phone checks the night first): shutting
        // down drops it rather than waiting out its few seconds
        phones.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ExecutorService office = Executors.newFixedThreadPool(plan.officers() + 1);
        office.submit(() -> watchOutbox(phones));
        for (int o = 0; o < plan.officers(); o++) {
            int n = o;
            office.submit(() -> pollBoard(n));
        }
        List<Call> calls = calls();
        Thread.sleep(plan.drain().toMillis());
        night.set(false);
        dawn.countDown();
        // the outbox reader schedules the phones' answers: it stops first, then the phones
        office.shutdown();
        office.awaitTermination(60, TimeUnit.SECONDS);
        phones.shutdown();
        phones.awaitTermination(60, TimeUnit.SECONDS);
        return count(calls);
    }

    // ---------------------------------------------------------------- the union

    private void union() throws Exception {
        InetAddress desk = LoopbackClient.sourceAddress(OFFICE, 0);
        int[] s = plan.levelSeconds();
        ok(http.put(desk, "/v1/escalation-policy", """
                {"levels": [{"level": 0, "notify": "nearby-volunteers", "maxRecipients": 5, "timeoutSeconds": %d},
                {"level": 1, "notify": "leaders", "leaderLevel": 1, "timeoutSeconds": %d},
                {"level": 2, "notify": "leaders", "leaderLevel": 2, "timeoutSeconds": %d, "repeat": 3}]}"""
                .formatted(s[0], s[1], s[2]), admin), 200, "policy");
        for (int l = 0; l < 5; l++) {
            String phone = String.format("+86139%08d", 900 + l);
            leaderPhones.add(phone);
            ok(http.post(desk, "/v1/leaders", json("name", (l < 3 ? "值班干事" : "工会主席") + l, "phone", phone,
                    "title", l < 3 ? "干事" : "主席", "level", l < 3 ? 1 : 2).toString(), admin), 201, "leader");
        }
        ExecutorService seeding = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int v = 0; v < plan.volunteers(); v++) {
            int n = v;
            work.add(seeding.submit(() -> volunteer(n, desk)));
        }
        List<Future<Family>> members = new ArrayList<>();
        boolean[] byLink = new boolean[plan.members()];
        for (int m = 0; m < plan.members(); m++) byLink[m] = random.nextDouble() < plan.linkShare();
        for (int m = 0; m < plan.members(); m++) {
            int n = m;
            members.add(seeding.submit(() -> member(n, byLink[n], desk)));
        }
        for (Future<?> f : work) f.get(10, TimeUnit.MINUTES);
        for (Future<Family> f : members) families.add(f.get(10, TimeUnit.MINUTES));
        seeding.shutdown();
    }

    private Void volunteer(int n, InetAddress desk) {
        String district = DISTRICTS[n % plan.districts()];
        String phone = String.format("+86137%08d", n);
        int maxActive = n % 4 == 3 ? 2 : 1;
        double[] at = near(n % plan.districts(), n);
        ObjectNode body = json("name", "队员" + n, "phone", phone, "onDuty", true, "maxActive", maxActive);
        body.putObject("area").put("city", CITY).put("district", district);
        body.putObject("location").put("lat", at[0]).put("lon", at[1]);
        body.putArray("skills").add("first-aid");
        JsonNode created = ok(http.post(desk, "/v1/volunteers", body.toString(), admin), 201, "volunteer");
        helpersByPhone.put(phone, new Helper(created.get("id").asText(), phone, maxActive,
                LoopbackClient.sourceAddress(VOLUNTEERS, n)));
        return null;
    }

    private Family member(int n, boolean byLink, InetAddress desk) {
        int d = n % plan.districts();
        String phone = String.format("+86136%08d", n);
        String family = String.format("+86135%08d", n);
        double[] at = near(d, n + 7);
        ObjectNode body = json("name", "会员" + n, "phone", phone, "unit", "第" + (n % 12 + 1) + "车间",
                "homeAddress", CITY + DISTRICTS[d] + "幸福里" + n + "号");
        body.putObject("homeArea").put("city", CITY).put("district", DISTRICTS[d]);
        body.putObject("location").put("lat", at[0]).put("lon", at[1]);
        var contacts = body.putArray("familyContacts");
        contacts.addObject().put("name", "家属" + n).put("relation", "父亲").put("phone", family);
        if (n % 3 == 0) contacts.addObject().put("name", "家属乙" + n).put("relation", "母亲")
                .put("phone", String.format("+86134%08d", n));
        JsonNode created = ok(http.post(desk, "/v1/members", body.toString(), admin), 201, "member");
        String id = created.get("id").asText();
        JsonNode link = ok(http.post(desk, "/v1/members/" + id + "/trigger-link", null, admin), 200, "link");
        return new Family(id, DISTRICTS[d], phone, family, link.get("token").asText(),
                LoopbackClient.sourceAddress(FAMILIES, n % plan.addresses()), byLink);
    }

    /** A point in district {@code d}: its own corner of a grid about 10 km apart, a few hundred metres of spread. */
    private static double[] near(int d, int n) {
        double lat = 39.60 + (d / 4) * 0.09 + (n % 17) * 0.002;
        double lon = 118.10 + (d % 4) * 0.12 + (n % 13) * 0.002;
        return new double[] {lat, lon};
    }

    // ---------------------------------------------------------------- the calls

    private List<Call> calls() throws Exception {
        List<Family> order = new ArrayList<>(families);
        Collections.shuffle(order, random);
        ExecutorService clients = Executors.newFixedThreadPool(plan.clients());
        long start = System.nanoTime();
        long windowNanos = plan.window().toNanos();
        List<Future<Call>> running = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Family f = order.get(i);
            long due = start + windowNanos * i / Math.max(1, order.size());
            running.add(clients.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                return call(f);
            }));
        }
        List<Call> calls = new ArrayList<>();
        for (Future<Call> f : running) calls.add(f.get(10, TimeUnit.MINUTES));
        clients.shutdown();
        return calls;
    }

    private Call call(Family f) {
        Instant sent = Instant.now();
        long t = System.nanoTime();
        try {
            if (f.byLink()) {
                // the family opens the link (the one-tap page), then taps the button
                http.get(f.home(), "/v1/triggers/" + f.token(), Map.of());
                sent = Instant.now();
                t = System.nanoTime();
                Reply r = http.post(f.home(), "/v1/triggers/" + f.token(), json("type", "medical",
                        "message", "老人煤气中毒，头晕呕吐", "reporterPhone", f.familyPhone()).toString(),
                        Map.of("Idempotency-Key", "night-" + f.memberId()));
                String id = r.status() == 201 ? JSON.readTree(r.body()).get("incidentId").asText() : null;
                return new Call(f, sent, r.status(), (System.nanoTime() - t) / 1_000_000, id, null);
            }
            Reply r = http.post(f.home(), "/local/sms/inbound", json("from", f.familyPhone(),
                    "body", "救命 家里煤气中毒 老人昏迷").toString(), Map.of());
            return new Call(f, sent, r.status(), (System.nanoTime() - t) / 1_000_000, null, null);
        } catch (Exception e) {
            return new Call(f, sent, -1, (System.nanoTime() - t) / 1_000_000, null, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- volunteers' phones

    /** Reads the outbox as it grows and answers each volunteer's SMS as a person would, a few seconds later. */
    private Void watchOutbox(ScheduledExecutorService phones) {
        InetAddress operator = LoopbackClient.sourceAddress(OFFICE, 1);
        int seen = 0;
        Random think = new Random(plan.seed() + 1);
        while (night.get()) {
            try {
                Reply r = http.get(operator, "/local/sms/outbox?offset=" + seen, Map.of());
                if (r.status() != 200) {
                    problems.add("outbox " + r.status());
                } else {
                    for (JsonNode sms : JSON.readTree(r.body()).get("items")) {
                        seen++;
                        Helper h = helpersByPhone.get(sms.get("to").asText());
                        if (h != null) answer(h, sms, phones, think);
                    }
                }
                if (dawn.await(300, TimeUnit.MILLISECONDS)) return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                problems.add("outbox read: " + e.getMessage());
            }
        }
        return null;
    }

    private void answer(Helper h, JsonNode sms, ScheduledExecutorService phones, Random think) {
        String template = sms.path("template").asText("");
        String code = sms.path("variables").path("code").asText("");
        if (template.startsWith("alert")) {
            double p = think.nextDouble();
            long delay = 1000 + think.nextInt(4000);
            if (p < 0.55) {
                phones.schedule(() -> reply(h, "1 " + code), delay, TimeUnit.MILLISECONDS);
            } else if (p < 0.70) {
                Matcher ack = ACK_PATH.matcher(sms.path("body").asText());
                if (ack.find()) phones.schedule(() -> ackPage(h, ack.group()), delay, TimeUnit.MILLISECONDS);
            } else if (p < 0.80) {
                phones.schedule(() -> reply(h, "0 " + code), delay, TimeUnit.MILLISECONDS);
            }
            // the rest are asleep
        } else if (template.startsWith("accepted.responder")) {
            phones.schedule(() -> reply(h, "9 " + code), 3000 + think.nextInt(6000), TimeUnit.MILLISECONDS);
        }
    }

    private void reply(Helper h, String text) {
        if (!night.get()) return;
        try {
            Reply r = http.post(h.address(), "/local/sms/inbound", json("from", h.phone(), "body", text).toString(),
                    Map.of());
            volunteerReplies.incrementAndGet();
            if (r.status() != 202) problems.add("volunteer SMS " + r.status());
        } catch (UncheckedIOException e) {
            problems.add("volunteer SMS: " + e.getMessage());
        }
    }

    private void ackPage(Helper h, String path) {
        if (!night.get()) return;
        try {
            Reply page = http.get(h.address(), path, Map.of());
            if (page.status() == 404) return; // closed or taken meanwhile: the page says so
            Reply r = http.post(h.address(), path, "{\"action\":\"accept\"}", Map.of());
            ackPageUses.incrementAndGet();
            volunteerReplies.incrementAndGet();
            if (r.status() >= 500 || (r.status() != 200 && r.status() != 404)) problems.add("ack page " + r.status());
        } catch (UncheckedIOException e) {
            problems.add("ack page: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- officers

    private Void pollBoard(int n) {
        InetAddress desk = LoopbackClient.sourceAddress(OFFICE, 2 + n);
        while (night.get()) {
            try {
                for (String path : List.of("/v1/incidents?status=active&limit=200", "/v1/surges")) {
                    Reply r = http.get(desk, path, officer);
                    officerPolls.incrementAndGet();
                    officerStatuses.merge(r.status(), 1, Integer::sum);
                }
                if (dawn.await(3000, TimeUnit.MILLISECONDS)) return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                officerStatuses.merge(-1, 1, Integer::sum);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- counting

    private Result count(List<Call> calls) throws Exception {
        InetAddress desk = LoopbackClient.sourceAddress(OFFICE, 0);
        JsonNode outbox = ok(http.get(desk, "/local/sms/outbox", Map.of()), 200, "outbox").get("items");
        Map<String, JsonNode> incidents = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode page = ok(http.get(desk, "/v1/incidents?status=all&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), admin),
                    200, "incidents");
            page.get("items").forEach(i -> incidents.put(i.get("id").asText(), i));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        Map<String, Instant> firstAlert = new HashMap<>();
        Map<String, String> receiptIncident = new HashMap<>();
        Map<String, Integer> smsPerPhone = new HashMap<>();
        for (JsonNode sms : outbox) {
            String to = sms.get("to").asText();
            smsPerPhone.merge(to, 1, Integer::sum);
            String template = sms.path("template").asText("");
            String incidentId = sms.path("incidentId").isTextual() ? sms.get("incidentId").asText() : null;
            Instant at = Instant.parse(sms.get("sentAt").asText());
            if (incidentId != null && template.startsWith("alert")) firstAlert.merge(incidentId, at, (a, b) -> a.isBefore(b) ? a : b);
            if (incidentId != null && template.startsWith("receipt")) receiptIncident.putIfAbsent(to, incidentId);
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        int lost = 0;
        int serverErrors = 0;
        int refused = 0;
        int withoutReceipt = 0;
        List<Long> callMillis = new ArrayList<>();
        List<Long> atOnce = new ArrayList<>();
        List<Long> queuedWaits = new ArrayList<>();
        int queued = 0;
        int never = 0;
        Instant first = null;
        Instant last = null;
        for (Call c : calls) {
            statuses.merge(c.status(), 1, Integer::sum);
            callMillis.add(c.millis());
            first = first == null || c.sentAt().isBefore(first) ? c.sentAt() : first;
            Instant done = c.sentAt().plusMillis(c.millis());
            last = last == null || done.isAfter(last) ? done : last;
            if (c.status() >= 500 || c.status() < 0) serverErrors++;
            if (c.error() != null) problems.add("call failed: " + c.error());
            boolean accepted = c.family().byLink() ? c.status() == 201 : c.status() == 202;
            if (!accepted) {
                refused++;
                continue;
            }
            String incidentId = c.family().byLink() ? c.incidentId() : receiptIncident.get(c.family().familyPhone());
            if (!c.family().byLink() && incidentId == null) withoutReceipt++;
            JsonNode incident = incidentId == null ? null : incidents.get(incidentId);
            if (incident == null || !c.family().memberId().equals(incident.path("memberId").asText())) {
                lost++;
                continue;
            }
            boolean wasQueued = false;
            for (JsonNode e : incident.get("timeline")) wasQueued |= e.get("kind").asText().equals("queued");
            Instant alert = firstAlert.get(incidentId);
            if (wasQueued) {
                queued++;
                if (alert != null) queuedWaits.add(Duration.between(c.sentAt(), alert).toMillis());
            } else if (alert != null) {
                atOnce.add(Duration.between(c.sentAt(), alert).toMillis());
            }
            if (alert == null) never++;
        }
        long familiesIncidents = incidents.values().stream().filter(i -> !i.path("memberId").isNull()).count();
        if (familiesIncidents != families.size()) {
            problems.add("incidents for members: " + familiesIncidents + ", families that called: " + families.size());
        }

        Map<String, Integer> holding = new HashMap<>();
        int accepted = 0;
        for (JsonNode i : incidents.values()) {
            accepted += i.get("responders").size();
            String status = i.get("status").asText();
            if (!status.equals("open") && !status.equals("acknowledged")) continue;
            for (JsonNode r : i.get("responders")) holding.merge(r.get("recipientId").asText(), 1, Integer::sum);
        }
        int overMaxActive = 0;
        for (Helper h : helpersByPhone.values()) {
            if (holding.getOrDefault(h.id(), 0) > h.maxActive()) overMaxActive++;
        }
        int maxLeader = leaderPhones.stream().mapToInt(p -> smsPerPhone.getOrDefault(p, 0)).max().orElse(0);
        int maxVolunteer = helpersByPhone.keySet().stream().mapToInt(p -> smsPerPhone.getOrDefault(p, 0)).max()
                .orElse(0);
        Set<String> surged = new HashSet<>();
        for (JsonNode i : incidents.values()) {
            for (JsonNode e : i.get("timeline")) {
                if (e.get("kind").asText().equals("surge-started")) surged.add(i.get("id").asText());
            }
        }
        Collections.sort(callMillis);
        Collections.sort(atOnce);
        Collections.sort(queuedWaits);
        double seconds = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        int links = (int) calls.stream().filter(c -> c.family().byLink()).count();
        return new Result(plan, calls.size(), links, calls.size() - links, statuses, seconds, pct(callMillis, 50),
                pct(callMillis, 99), incidents.size(), lost, serverErrors, refused, withoutReceipt, atOnce.size(),
                pct(atOnce, 50), pct(atOnce, 99), atOnce.isEmpty() ? 0 : atOnce.get(atOnce.size() - 1), queued,
                queuedWaits.size(), pct(queuedWaits, 50), never, overMaxActive, volunteerReplies.get(),
                ackPageUses.get(), accepted, officerPolls.get(), new TreeMap<>(officerStatuses), maxLeader,
                maxVolunteer, surged.size(), List.copyOf(problems));
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    // ---------------------------------------------------------------- JSON

    private static ObjectNode json(Object... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            String k = (String) pairs[i];
            Object v = pairs[i + 1];
            if (v instanceof Integer n) o.put(k, n);
            else if (v instanceof Boolean b) o.put(k, b);
            else o.put(k, String.valueOf(v));
        }
        return o;
    }

    private static JsonNode ok(Reply r, int status, String what) {
        if (r.status() != status) throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
        try {
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(what + ": unreadable answer", e);
        }
    }
}
