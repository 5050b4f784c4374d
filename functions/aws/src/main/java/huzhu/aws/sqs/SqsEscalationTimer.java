package huzhu.aws.sqs;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.JsonText;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.log.JsonLog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The per-deadline timer in AWS: one SQS message per (incident, level, deadline), delayed by the time left.
 * SQS holds a message back for at most {@value #MAX_DELAY_SECONDS} s; a longer wait arrives early and the
 * consumer ({@code Dispatcher.onTimer}) sends it again for the rest — it hops. The delay is rounded up to
 * whole seconds, so a message never arrives before its deadline (SQS counts whole seconds).
 * <p>
 * A failed send throws: on the alert path the dispatcher logs it and goes on (the one-minute sweep still
 * catches the deadline); in the consumer it fails that message, which SQS then delivers again.
 */
public final class SqsEscalationTimer implements EscalationTimer {
    public static final String QUEUE_URL_VARIABLE = "HUZHU_ESCALATION_QUEUE_URL";
    public static final String ENDPOINT_VARIABLE = "HUZHU_SQS_ENDPOINT";
    static final int MAX_DELAY_SECONDS = 900;

    /*
     * The send runs on the alert path beside the SMS, and the answer to the person who raised the alarm waits
     * for both; a slow SQS must not hold them. Two short attempts, then the sweep is the fallback. A second attempt after a lost
     * answer may queue the message twice: the consumer's guard makes the second one do nothing.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    static final Backoff RETRY = new Backoff(2, Duration.ofMillis(100), Duration.ofMillis(100));

    private final AwsApi sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsEscalationTimer(AwsApi sqs, String queueUrl, Clock clock) {
        if (queueUrl == null || queueUrl.isBlank()) throw new IllegalArgumentException("queue URL is required");
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /**
     * Built once at init from {@code HUZHU_ESCALATION_QUEUE_URL} (and {@code HUZHU_SQS_ENDPOINT} for tests);
     * without a queue URL there is no timer and the sweep alone escalates, which is logged once.
     */
    public static EscalationTimer fromEnvironment(AwsClients clients, Clock clock, Map<String, String> env) {
        String queueUrl = env.get(QUEUE_URL_VARIABLE);
        if (queueUrl == null || queueUrl.isBlank()) {
            JsonLog.warn("timer.notConfigured", "variable", QUEUE_URL_VARIABLE,
                    "effect", "escalation relies on the one-minute sweep alone");
            return EscalationTimer.NONE;
        }
        String endpoint = env.get(ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.trim());
        return new SqsEscalationTimer(new AwsApi(clients, "sqs", override, clients.http(ATTEMPT_TIMEOUT)),
                queueUrl.trim(), clock);
    }

    @Override
    public void schedule(String incidentId, int level, Instant deadline) {
        int delay = delaySeconds(clock.instant(), deadline);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("QueueUrl", queueUrl);
        request.put("MessageBody", new TimerMessage(incidentId, level, deadline).toJson());
        request.put("DelaySeconds", delay);
        send(JsonText.write(request));
        JsonLog.debug("timer.scheduled", Map.of("incidentId", incidentId, "escalationLevel", level,
                "deadline", deadline.toString(), "delaySeconds", delay));
    }

    /** SendMessage; a lost answer, a 5xx or throttling is tried again once, anything else throws at once. */
    private void send(String request) {
        for (int attempt = 1; ; attempt++) {
            try {
                sqs.json(AwsApi.JSON_1_0, "AmazonSQS.SendMessage", request);
                return;
            } catch (AwsApi.Failure e) {
                boolean again = e.status() == 0 || e.status() >= 500 || e.status() == 429
                        || (e.code() != null && e.code().contains("Throttl"));
                if (!again || attempt >= RETRY.maxAttempts()) throw e;
                try {
                    Thread.sleep(RETRY.delayAfter(attempt, ThreadLocalRandom.current().nextDouble()).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Whole seconds until the deadline, rounded up, within what SQS allows. */
    static int delaySeconds(Instant now, Instant deadline) {
        long millis = Duration.between(now, deadline).toMillis();
        if (millis <= 0) return 0;
        long seconds = (millis + 999) / 1000;
        return (int) Math.min(seconds, MAX_DELAY_SECONDS);
    }
}
