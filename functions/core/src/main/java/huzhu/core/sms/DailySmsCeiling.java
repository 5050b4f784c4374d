package huzhu.core.sms;

import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The most SMS a deployment sends in a day (China time), in front of the messenger every service uses
 * ({@link SmsLimits#smsPerDay()}). Every SMS is counted, in the store, so the ceiling holds across every Lambda
 * container: one atomic count per send or batch. Beyond the ceiling, <b>an SMS about an emergency to the union's own
 * people still goes out</b>: one that names an incident and goes to a volunteer, leader, member or registered family
 * contact (asked of the directory only then, so below the ceiling it costs nothing) — alerts, stand-downs, who is
 * coming, relays (numbers the sender took from the union's records are not asked about again: {@link
 * OutboundSms#numberOnRecord()}). Everything else is not sent and fails for good with {@link #REASON}: notices, introductions,
 * answers to unknown numbers, confirmations, and an incident's SMS to numbers nobody registered. Each one held back
 * writes an {@code sms.ceiling} log line, which the deployment's alarm counts; the batch that crosses the ceiling
 * writes {@code sms.ceilingReached} too.
 *
 * <p>Alerts must not wait for the count: a batch of incident SMS is sent first and counted after, until this
 * container has seen the day's ceiling reached; from then on it is counted first like any other. So beyond the
 * ceiling at most one batch of incident SMS per container may still reach numbers nobody registered — bounded anyway
 * by the limits on unknown numbers ({@link SmsLimits}).
 */
public final class DailySmsCeiling implements Messenger {
    public static final String REASON = "daily SMS ceiling reached";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Messenger messenger;
    private final IdempotencyStore counter;
    private final Predicate<String> unionPhone;
    private final Clock clock;
    private final int ceiling;
    /** The last day this container saw the ceiling reached (null: not yet). */
    private volatile LocalDate reachedOn;

    /** @param unionPhone whether an E.164 number belongs to one of the union's people (directory, family contacts) */
    public DailySmsCeiling(Messenger messenger, IdempotencyStore counter, Predicate<String> unionPhone, Clock clock,
            int ceiling) {
        this.messenger = messenger;
        this.counter = counter;
        this.unionPhone = unionPhone;
        this.clock = clock;
        this.ceiling = ceiling;
    }

    @Override
    public SendResult send(OutboundSms sms) {
        return sendAll(List.of(sms)).get(0);
    }

    @Override
    public List<SendResult> sendAll(List<OutboundSms> messages) {
        if (messages.isEmpty()) return List.of();
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, CHINA);
        if (!day.equals(reachedOn) && messages.stream().allMatch(m -> m.incidentId() != null)) {
            List<SendResult> results = messenger.sendAll(messages);
            try {
                count(day, messages.size(), now);
            } catch (RuntimeException e) {
                // they went out: a count that failed afterwards must not make anyone send them again
                JsonLog.error("sms.ceilingCountFailed", e, "size", messages.size());
            }
            return results;
        }
        long total = count(day, messages.size(), now);
        long first = total - messages.size() + 1;
        if (total <= ceiling) return messenger.sendAll(messages);

        Map<String, Pending<Boolean>> whose = lookUpTogether(messages, first);
        List<OutboundSms> going = new ArrayList<>();
        SendResult[] results = new SendResult[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            OutboundSms m = messages.get(i);
            boolean withinCeiling = first + i <= ceiling;
            if (withinCeiling || (m.incidentId() != null && (m.numberOnRecord() || whose.get(m.to()).get()))) {
                going.add(m);
            } else {
                JsonLog.warn("sms.ceiling", "action", "sms.ceiling", "to", m.to(), "incidentId", m.incidentId(),
                        "ceiling", ceiling);
                results[i] = SendResult.failed(REASON, true);
            }
        }
        List<SendResult> sent = going.isEmpty() ? List.of() : messenger.sendAll(going);
        for (int i = 0, j = 0; i < results.length; i++) {
            if (results[i] == null) results[i] = sent.get(j++);
        }
        return List.of(results);
    }

    /**
     * Whose numbers the incident SMS beyond the ceiling go to, asked of the directory all at once: one after the
     * other, a level's alerts waited for a round trip or more per person on the very night the ceiling is reached.
     */
    private Map<String, Pending<Boolean>> lookUpTogether(List<OutboundSms> messages, long first) {
        Map<String, Pending<Boolean>> whose = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            OutboundSms m = messages.get(i);
            if (first + i > ceiling && m.incidentId() != null && !m.numberOnRecord()) {
                whose.computeIfAbsent(m.to(), to -> ReadAhead.start(() -> unionPhone.test(to)));
            }
        }
        return whose;
    }

    /** Counts a batch in the day's total; returns the new total. The batch that crosses the ceiling says so. */
    private long count(LocalDate day, int size, Instant now) {
        long total = counter.count("sms-day:" + day, size, day.plusDays(2).atStartOfDay(CHINA).toInstant(), now);
        if (total > ceiling) {
            if (total - size < ceiling + 1) {
                JsonLog.error("sms.ceilingReached", null, "action", "sms.ceilingReached", "ceiling", ceiling,
                        "day", day.toString());
            }
            reachedOn = day;
        }
        return total;
    }
}
