package huzhu.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.ack.AckHandler;
import huzhu.console.ConsoleApiHandler;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.incident.Alert;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.SequentialIds;
import huzhu.escalation.EscalationHandler;
import huzhu.escalation.EscalationTimerHandler;
import huzhu.local.ApiEvents;
import huzhu.local.InboundSms;
import huzhu.local.LocalConfig;
import huzhu.local.LocalStack;
import huzhu.local.LogScan;
import huzhu.local.OutboxEntry;
import huzhu.local.SnsEvents;
import huzhu.local.TimerEvents;
import huzhu.sms.SmsInboundHandler;
import huzhu.trigger.TriggerHandler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 incidents through the local stack while a seeded share (20%) of store and messenger calls fail or
 * time out after doing their work, SNS delivers inbound SMS twice and out of order, and the escalation
 * timer's messages come late, twice, early or not at all. Time is a clock the test moves (about two
 * simulated hours); clients retry the way AWS and a phone would (HTTP 503 with the same Idempotency-Key,
 * SNS redelivery of the same message). Then the faults stop, the sweep runs on, and: every trigger answered
 * 2xx exists; every incident ended acknowledged, resolved, cancelled, or at its last level with every alert
 * attempt on record (sent with a message id the outbox holds, or failed with a reason, nothing pending); no
 * incident escalated twice for one deadline; and no log line carried a full phone number or an address.
 */
class ChaosIT {
    static final long SEED = Long.getLong("huzhu.chaos.seed", 20261126L);
    static final int INCIDENTS = Integer.getInteger("huzhu.chaos.incidents", 200);
    static final double FAULT_SHARE = Double.parseDouble(System.getProperty("huzhu.chaos.share", "0.2"));
    private static final String[] DISTRICTS = {"江汉区", "武昌区", "汉阳区", "洪山区"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final Random random = new Random(SEED);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T00:00:00Z"));
    private final Faults faults = new Faults(SEED * 31 + 7, FAULT_SHARE);
    private final List<Deadline> deadlines = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> tally = new TreeMap<>();
    private final List<SNSEvent> redeliveries = new ArrayList<>();

    private LocalStack stack;
    private TriggerHandler trigger;
    private AckHandler ack;
    private ConsoleApiHandler console;
    private SmsInboundHandler inbound;
    private EscalationHandler sweep;
    private TimerEvents timerEvents;
    private SnsEvents sns;

    record Deadline(String incidentId, int level, Instant at) {
    }

    @Test
    void twoHundredIncidents_throughFailingPorts_allEndWell_nothingLost_noDoubleEscalation_noPhoneInTheLogs() {
        List<String> phones = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        PrintStream stdout = System.out;
        LogScan logs = LogScan.of(phones, addresses);
        System.setOut(logs);
        Map<Integer, String> triggered = new HashMap<>();
        Map<Integer, String> textedIn = new HashMap<>();
        Set<Integer> gaveUp = new HashSet<>();
        try {
            start();
            Map<Integer, String> tokens = union(phones, addresses);
            faults.on();

            // the incidents arrive over about half an hour; responders, officers, timers and the sweep run meanwhile
            for (int i = 0; i < INCIDENTS; i++) {
                clock.advance(Duration.ofSeconds(3 + random.nextInt(12)));
                if (random.nextDouble() < 0.6) {
                    String id = raiseByLink(i, tokens.get(i));
                    if (id != null) triggered.put(i, id);
                    else gaveUp.add(i);
                } else {
                    if (textForHelp(i)) textedIn.put(i, "chaos-in-" + i);
                    else gaveUp.add(i);
                }
                if (random.nextDouble() < 0.3) pumpTimers();
                if (random.nextDouble() < 0.2) runSweep();
                if (random.nextDouble() < 0.3) redeliverOne();
                if (random.nextDouble() < 0.35) respond();
                if (random.nextDouble() < 0.05) officerCloses();
            }
            // nobody else calls; time runs on past every level of the policy (48 minutes in all)
            for (int step = 0; step < 200; step++) {
                clock.advance(Duration.ofSeconds(30));
                pumpTimers();
                if (step % 2 == 0) runSweep();
                if (random.nextDouble() < 0.1) respond();
                redeliverOne();
            }
            // the faults stop; what is left (retries, lost timers) the sweep finishes
            faults.off();
            while (!redeliveries.isEmpty()) redeliverOne();
            for (int round = 0; round < 40; round++) {
                clock.advance(Duration.ofMinutes(5));
                pumpTimers();
                runSweep();
            }
        } finally {
            System.setOut(stdout);
        }

        // then
        Store store = stack.store();
        List<Incident> all = store.incidents().list(IncidentQuery.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items();
        List<Incident> incidents = new ArrayList<>(all);
        String cursor = store.incidents().list(IncidentQuery.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).nextCursor();
        while (cursor != null) {
            var page = store.incidents().list(IncidentQuery.ALL, new PageRequest(cursor, PageRequest.MAX_LIMIT));
            incidents.addAll(page.items());
            cursor = page.nextCursor();
        }
        Map<String, Incident> byId = incidents.stream().collect(Collectors.toMap(Incident::id, i -> i));
        Set<String> outbox = stack.outbox().sent().stream().map(OutboxEntry::messageId).collect(Collectors.toSet());

        // every trigger answered 2xx exists, and so does every incident texted in
        assertThat(triggered.values()).allSatisfy(id -> assertThat(byId).containsKey(id));
        assertThat(textedIn.values()).allSatisfy(in -> assertThat(byId)
                .containsKey("sms-" + Hashes.sha256(in).substring(0, 20)));

        Map<String, Integer> endings = new TreeMap<>();
        int alerts = 0;
        int sent = 0;
        int failedPermanently = 0;
        int resentAttempts = 0;
        for (Incident incident : incidents) {
            // ended: taken, closed, or at its last level with the officers told
            boolean ended = incident.status() != IncidentStatus.OPEN || incident.exhausted();
            assertThat(ended).as("incident %s %s level %d", incident.id(), incident.status(), incident.level()).isTrue();
            endings.merge(incident.status().wire() + (incident.exhausted() ? " (last level)" : ""), 1, Integer::sum);
            for (Alert a : incident.alerts()) {
                alerts++;
                resentAttempts += Math.max(0, a.attempts() - 1);
                assertThat(a.pending()).as("alert %s of %s left pending", a.recipientId(), incident.id()).isFalse();
                if (a.status() == AlertStatus.SENT) {
                    sent++;
                    assertThat(a.sentAt()).as("sent alert %s of %s: %s", a.recipientId(), incident.id(), incident).isNotNull();
                    assertThat(outbox).as("the outbox holds what %s of %s was recorded as", a.recipientId(),
                            incident.id()).contains(a.messageId());
                }
                if (a.status() == AlertStatus.FAILED) {
                    assertThat(a.failureReason()).isNotBlank();
                    if (a.permanent()) failedPermanently++;
                }
            }
            // one step per deadline, whatever fired it and however often
            List<Instant> steps = incident.timeline().stream().map(TimelineEntry::deadline)
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(steps).as("deadlines stepped on in %s", incident.id()).doesNotHaveDuplicates();
        }
        assertThat(incidents.size()).isGreaterThanOrEqualTo(triggered.size() + textedIn.size());
        assertThat(logs.leaks()).as("log lines with a phone number or an address").isEmpty();

        stdout.printf("chaos: seed %d, %d incidents stored (%d by link answered 2xx, %d texted in, %d clients gave up)"
                        + "; endings %s; %d alerts, %d sent, %d failed for good, %d resends; store calls %d, failed %d"
                        + " (%.1f%%); SMS sends %d, failed %d (%.1f%%); %s; %d log lines scanned%n",
                SEED, incidents.size(), triggered.size(), textedIn.size(), gaveUp.size(), endings, alerts, sent,
                failedPermanently, resentAttempts, faults.storeCalls.get(), faults.storeFailures.get(),
                100.0 * faults.storeFailures.get() / Math.max(1, faults.storeCalls.get()), faults.sends.get(),
                faults.sendFailures.get(), 100.0 * faults.sendFailures.get() / Math.max(1, faults.sends.get()), tally,
                logs.lines());
    }

    // ------------------------------------------------------------------ the world

    private void start() {
        LocalConfig config = LocalConfig.from(Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", "chaos-admin-token-0001",
                "HUZHU_SWEEP_SECONDS", "86400", "HUZHU_DATA_DIR", dataDir.toString()), dataDir);
        SequentialIds ids = new SequentialIds(SEED);
        stack = LocalStack.start(config, clock, ids, new LocalStack.Decorators(faults::store, faults::messenger,
                timer -> (incidentId, level, deadline) -> deadlines.add(new Deadline(incidentId, level, deadline))));
        Services services = stack.services();
        trigger = new TriggerHandler(services);
        ack = new AckHandler(services);
        console = new ConsoleApiHandler(services);
        inbound = new SmsInboundHandler(services.inboundSms());
        sweep = new EscalationHandler(services.dispatcher());
        timerEvents = new TimerEvents(new EscalationTimerHandler(services.dispatcher())::handleRequest, config.aws(), clock,
                ids);
        sns = new SnsEvents(config.aws(), ids);
    }

    /** Leaders at levels 1 and 2, six volunteers per district, and one member (with a relative) per incident. */
    private Map<Integer, String> union(List<String> phones, List<String> addresses) {
        var dir = stack.services().directory();
        dir.createLeader(new LeaderInput("周干事", phone(900), null, "工会干事", 1, null));
        dir.createLeader(new LeaderInput("吴干事", phone(901), null, "工会干事", 1, null));
        dir.createLeader(new LeaderInput("陈主席", phone(902), null, "工会主席", 2, null));
        for (int v = 0; v < 24; v++) {
            dir.createVolunteer(new VolunteerInput("队员" + v, phone(800 + v),
                    new AreaInput("武汉市", DISTRICTS[v % DISTRICTS.length]), null, List.of("first-aid"), true, 3, null));
            phones.add(phone(800 + v));
        }
        phones.addAll(List.of(phone(900), phone(901), phone(902)));
        Map<Integer, String> tokens = new HashMap<>();
        for (int i = 0; i < INCIDENTS; i++) {
            String address = "武汉市" + DISTRICTS[i % DISTRICTS.length] + "幸福路" + (100 + i) + "号";
            var member = dir.createMember(new MemberInput("会员" + i, phone(i), "分会" + (i % 7),
                    new AreaInput("武汉市", DISTRICTS[i % DISTRICTS.length]), address, null,
                    List.of(new FamilyContactInput("家属" + i, "父亲", familyPhone(i))), null));
            tokens.put(i, dir.issueTriggerLink(member.id()).token());
            phones.add(phone(i));
            phones.add(familyPhone(i));
            addresses.add(address);
        }
        return tokens;
    }

    private static String phone(int n) {
        return String.format("+86139%08d", 50_000_000 + n);
    }

    private static String familyPhone(int n) {
        return String.format("+86138%08d", 50_000_000 + n);
    }

    // ------------------------------------------------------------------ the people

    /** The family taps the member's link; the page retries a 503 with the same Idempotency-Key. */
    private String raiseByLink(int i, String token) {
        String body = "{\"type\":\"medical\",\"message\":\"第" + i + "号：老人摔倒\",\"reporterPhone\":\""
                + familyPhone(i) + "\"}";
        for (int attempt = 0; attempt < 200; attempt++) {
            var event = ApiEvents.request("POST", "/v1/triggers/{triggerToken}", "/v1/triggers/" + token,
                    Map.of("triggerToken", token), null, Map.of("idempotency-key", "tap-" + i), body, false, null,
                    "10.0." + (i / 200) + "." + (i % 200) + "");
            APIGatewayV2HTTPResponse r = trigger.handleRequest(event, null);
            count("trigger " + r.getStatusCode());
            if (r.getStatusCode() == 201) return read(r.getBody(), "incidentId");
            assertThat(r.getStatusCode()).as(r.getBody()).isIn(429, 503);
            clock.advance(r.getStatusCode() == 429 ? Duration.ofSeconds(Long.parseLong(r.getHeaders()
                    .get("Retry-After"))) : Duration.ofSeconds(1));
        }
        return null;
    }

    /** The relative texts the union's number; SNS redelivers until the function succeeds, sometimes once more. */
    private boolean textForHelp(int i) {
        InboundSms sms = new InboundSms(random.nextBoolean() ? familyPhone(i) : phone(i), SnsEvents.DEFAULT_DESTINATION,
                sns.defaultKeyword(), "救命 第" + i + "号 老伴胸口疼", "chaos-in-" + i, null);
        SNSEvent event = sns.twoWaySms(sms, clock.instant());
        if (random.nextDouble() < 0.3) redeliveries.add(event);
        return deliver(event, 200);
    }

    private boolean deliver(SNSEvent event, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                inbound.handleRequest(event, null);
                count("sms delivered");
                return true;
            } catch (RuntimeException e) {
                count("sms redelivered after " + e.getClass().getSimpleName());
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return false;
    }

    private void redeliverOne() {
        if (redeliveries.isEmpty()) return;
        SNSEvent again = redeliveries.remove(random.nextInt(redeliveries.size()));
        count("sms duplicate");
        deliver(again, 200);
    }

    /** Someone alerted answers: by the link in their SMS or by replying to it. */
    private void respond() {
        List<OutboxEntry> alerts = stack.outbox().sent().stream().filter(e -> e.body().contains("/v1/acks/")).toList();
        if (alerts.isEmpty()) return;
        OutboxEntry alert = alerts.get(random.nextInt(alerts.size()));
        String token = alert.body().substring(alert.body().indexOf("/v1/acks/") + "/v1/acks/".length()).split("\\s")[0];
        String action = List.of("accept", "accept", "accept", "decline", "arrived", "done").get(random.nextInt(6));
        for (int attempt = 0; attempt < 50; attempt++) {
            if (random.nextBoolean()) {
                var event = ApiEvents.request("POST", "/v1/acks/{ackToken}", "/v1/acks/" + token,
                        Map.of("ackToken", token), null, Map.of(), "{\"action\":\"" + action + "\"}", false, null,
                        "10.9." + random.nextInt(250) + "." + random.nextInt(250));
                int status = ack.handleRequest(event, null).getStatusCode();
                count("ack " + status);
                assertThat(status).isIn(200, 404, 429, 503);
                if (status != 503) return;
            } else {
                String word = Map.of("accept", "1", "decline", "0", "arrived", "2", "done", "9").get(action);
                String code = token.substring(0, token.length() - 10);
                InboundSms reply = new InboundSms(alert.to(), SnsEvents.DEFAULT_DESTINATION, sns.defaultKeyword(),
                        word + " " + code, "chaos-reply-" + random.nextLong(), alert.messageId());
                if (deliver(sns.twoWaySms(reply, clock.instant()), 50)) return;
            }
        }
    }

    /** Now and then an officer closes an active incident from the console (false alarm, or handled by phone). */
    private void officerCloses() {
        List<Incident> active = stack.store().incidents().active();
        if (active.isEmpty()) return;
        Incident pick = active.get(random.nextInt(active.size()));
        String verb = random.nextBoolean() ? "cancel" : "resolve";
        for (int attempt = 0; attempt < 50; attempt++) {
            var event = ApiEvents.request("POST", "/v1/incidents/{id}/" + verb,
                    "/v1/incidents/" + pick.id() + "/" + verb, Map.of("id", pick.id()), null, Map.of(),
                    "{\"reason\":\"误报\",\"outcome\":\"电话已处理\"}", false, ApiEvents.admin(), "10.8.0.1");
            int status = console.handleRequest(event, null).getStatusCode();
            count("console " + verb + " " + status);
            assertThat(status).isIn(200, 409, 503);
            if (status != 503) return;
        }
    }

    // ------------------------------------------------------------------ the clockwork

    /**
     * What the SQS queue hands the timer function: each due deadline, in shuffled order, a fifth of them twice;
     * a tenth of those not yet due come early; a message the function fails is received again, up to five
     * times, then parked in the dead-letter queue (the sweep is the safety net).
     */
    private void pumpTimers() {
        Instant now = clock.instant();
        List<Deadline> batch = new ArrayList<>();
        Map<Deadline, Integer> receives = new HashMap<>();
        synchronized (deadlines) {
            for (Deadline d : List.copyOf(deadlines)) {
                if (!d.at().isAfter(now)) {
                    batch.add(d);
                    deadlines.remove(d);
                    if (random.nextDouble() < 0.2) batch.add(d);
                } else if (random.nextDouble() < 0.1) {
                    batch.add(d); // early: the function arms it again for the rest
                    deadlines.remove(d);
                }
            }
        }
        Collections.shuffle(batch, random);
        for (int n = 0; n < batch.size(); n++) {
            Deadline d = batch.get(n);
            if (random.nextDouble() < 0.05) {
                count("timer lost");
                continue;
            }
            boolean ok = timerEvents.deliver(d.incidentId(), d.level(), d.at());
            count(ok ? "timer handled" : "timer failed");
            if (!ok && receives.merge(d, 1, Integer::sum) < 5) batch.add(d);
        }
    }

    private void runSweep() {
        try {
            sweep.handleRequest(null, null);
            count("sweep ok");
        } catch (RuntimeException e) {
            count("sweep failed (EventBridge retries)");
        }
    }

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    private static String read(String json, String field) {
        try {
            return JSON.readTree(json).get(field).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
