package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart-safety of the local stack's per-deadline timer: the stack stops while an incident's deadline is
 * pending, starts again on the same data, and the incident still escalates at its deadline — through the
 * recovered timer and the escalation timer function, not the sweep (set to a day here).
 */
class LocalStackRestartIT {
    private static final String ADMIN = "restart-admin-token-01";
    private static final String FATHER = "+8613911110002";
    private static final String NEIGHBOUR = "+8613911110011";
    private static final String OFFICER = "+8613911110021";

    @TempDir
    Path dataDir;

    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
    }

    /** The stack on {@code clock}, over the test's data directory, and its API as the admin calls it. */
    private LocalApi start(Clock clock) {
        stack = StoryStack.start(dataDir, ADMIN, clock);
        return new LocalApi(stack.baseUrl(), ADMIN);
    }

    /** An officer, a neighbour, a member and his father; level 0 lasts {@code timeoutSeconds}. */
    private static void aUnion(LocalApi api, int timeoutSeconds) {
        api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", OFFICER, "title", "工会干事", "level", 1));
        api.expect(201, "/v1/volunteers", Map.of("name", "刘强", "phone", NEIGHBOUR,
                "area", Map.of("city", "武汉市", "district", "江汉区"), "onDuty", true));
        api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "+8613911110001",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"), "homeAddress", "新华路 88 号",
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", FATHER))));
        assertThat(api.put("/v1/escalation-policy", Map.of("levels", List.of(
                Map.of("level", 0, "notify", "nearby-volunteers", "maxRecipients", 5, "timeoutSeconds", timeoutSeconds),
                Map.of("level", 1, "notify", "leaders", "leaderLevel", 1, "timeoutSeconds", 300)))).status())
                .isEqualTo(200);
    }

    /**
     * The stack on {@code clock} with {@link #aUnion}, the father texts for help, and the stack stops while the
     * incident's level-0 deadline is pending; returns that deadline.
     */
    private Instant anIncidentPendingAtShutdown(Clock clock, int timeoutSeconds) {
        LocalApi api = start(clock);
        aUnion(api, timeoutSeconds);
        api.sms(FATHER, "救命 老伴胸口疼");
        Instant deadline = Instant.parse(api.onlyIncident("all").get("nextEscalationAt").asText());
        stack.close();
        stack = null;
        return deadline;
    }

    /** Polls until {@code done} holds, for at most {@code limit}: the timer runs on its own thread. */
    private static boolean within(Duration limit, Supplier<Boolean> done) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (done.get()) return true;
            Thread.sleep(20);
        }
        return done.get();
    }

    private static JsonNode escalatedEntry(JsonNode incident) {
        for (JsonNode e : incident.get("timeline")) {
            if (e.get("kind").asText().equals("escalated")) return e;
        }
        return null;
    }

    @Test
    void aDeadlinePendingAtShutdown_escalatesAtItsDeadline_afterARestart() throws Exception {
        // given: an open incident whose level-0 deadline is a minute away, and the stack stops
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
        Instant deadline = anIncidentPendingAtShutdown(clock, 60);

        // when: the stack comes back exactly at the deadline
        clock.set(deadline);
        LocalApi again = start(clock);

        // then: the recovered timer moved it on, on time by the stack's clock
        assertThat(within(Duration.ofSeconds(5), () -> !again.outboxTo(OFFICER).isEmpty())).isTrue();
        JsonNode incident = again.onlyIncident("all");
        assertThat(incident.get("level").asInt()).isEqualTo(1);
        JsonNode escalated = escalatedEntry(incident);
        assertThat(Instant.parse(escalated.get("deadline").asText())).isEqualTo(deadline);
        assertThat(Instant.parse(escalated.get("at").asText())).isEqualTo(deadline);
    }

    @Test
    void aDeadlinePendingAtShutdown_isNotEscalatedEarly_afterARestart() throws Exception {
        // given
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
        anIncidentPendingAtShutdown(clock, 60);

        // when: the stack comes back half a minute before the deadline (by its clock, which stands still)
        clock.advance(Duration.ofSeconds(30));
        LocalApi again = start(clock);

        // then
        assertThat(within(Duration.ofMillis(300), () -> !again.outboxTo(OFFICER).isEmpty())).isFalse();
        assertThat(again.onlyIncident("all").get("level").asInt()).isZero();
    }

    @Test
    void aOneSecondDeadline_acrossARealRestart_escalatesWithinASecondOfIt() throws Exception {
        // given: real time; level 0 lasts one second; the stack stops right after the alert
        Clock clock = Clock.systemUTC();
        anIncidentPendingAtShutdown(clock, 1);

        // when
        LocalApi again = start(clock);

        // then
        assertThat(within(Duration.ofSeconds(5), () -> !again.outboxTo(OFFICER).isEmpty())).isTrue();
        JsonNode escalated = escalatedEntry(again.onlyIncident("all"));
        Duration late = Duration.between(Instant.parse(escalated.get("deadline").asText()),
                Instant.parse(escalated.get("at").asText()));
        assertThat(late).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }
}
