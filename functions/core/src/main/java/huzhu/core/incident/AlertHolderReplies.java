package huzhu.core.incident;

import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.ReplyGrammar.Reading;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Text;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A text from someone with an outstanding alert (CONTRACT §5), always answered about that alert — never with the
 * stranger's text, never with silence. What {@link ReplyGrammar} understands is done (accept, decline, arrived,
 * done; an ETA with an accept). Anything else is kept on the timeline and answered with one question naming the
 * incident code and the two answers that fit, once per alert; later with a note that the officers will read it;
 * and if someone else took the incident, with who did. Those answers to one sender about one incident stop at
 * {@link SmsLimits#relaysPerSender()}: a phone that answers every SMS by itself must not keep the union's number
 * talking.
 */
final class AlertHolderReplies {
    /** Long enough to outlive any incident: the question is asked once per alert. */
    private static final Duration REMEMBERED = Duration.ofDays(30);

    /** One alert of one active incident. */
    record Target(Incident incident, Alert alert) {
    }

    private final Dispatcher dispatcher;
    private final IdempotencyStore memory;
    private final Outbound out;
    private final IncidentTexts texts;
    private final SmsLimits limits;

    AlertHolderReplies(Dispatcher dispatcher, IdempotencyStore memory, Outbound out, IncidentTexts texts,
            SmsLimits limits) {
        this.dispatcher = dispatcher;
        this.memory = memory;
        this.out = out;
        this.texts = texts;
        this.limits = limits;
    }

    /** The alerts this phone holds on active incidents. */
    static List<Target> alertsTo(String phone, List<Incident> active) {
        return active.stream()
                .flatMap(i -> i.alerts().stream().filter(a -> phone.equals(a.to())).map(a -> new Target(i, a)))
                .toList();
    }

    void answer(List<Target> mine, Reading reading, String body, String quotedMessageId, Instant now) {
        Target t = target(mine, reading, quotedMessageId);
        if (reading.understood()) {
            respond(t, reading);
        } else {
            unclear(t, body, now);
        }
    }

    /**
     * Which alert a reply answers: the one whose SMS it quotes, else the one its code names, else the sender's most
     * recent one still waiting for this kind of answer, else their most recent.
     */
    private static Target target(List<Target> mine, Reading reading, String quotedMessageId) {
        if (!Text.blank(quotedMessageId)) {
            Optional<Target> quoted = mine.stream().filter(t -> quotedMessageId.equals(t.alert().messageId()))
                    .findFirst();
            if (quoted.isPresent()) return quoted.get();
        }
        if (reading.code() != null) {
            Optional<Target> coded = mine.stream().filter(t -> reading.code().equals(t.incident().code())).findFirst();
            if (coded.isPresent()) return coded.get();
        }
        boolean forResponders = reading.action() == Action.ARRIVED || reading.action() == Action.DONE;
        Comparator<Target> newest = Comparator.comparing(t -> t.alert().sentAt() == null ? Instant.MIN
                : t.alert().sentAt());
        return mine.stream()
                .filter(t -> forResponders ? t.alert().status() == AlertStatus.ACCEPTED
                        : t.alert().status().outstanding())
                .max(newest)
                .orElseGet(() -> mine.stream().max(newest).orElseThrow());
    }

    private void respond(Target t, Reading reading) {
        Duration eta = reading.etaMinutes() == null ? null : Duration.ofMinutes(reading.etaMinutes());
        Dispatcher.Response r = dispatcher.respond(t.incident().id(), t.alert().recipientId(), reading.action(), eta);
        // an accept, or when they will be there: the dispatcher already sent the responder what they need
        if (r.outcome() == Dispatcher.Outcome.ACCEPTED || r.outcome() == Dispatcher.Outcome.EXPECTED_AT) return;
        out.sendOnRecord(t.alert().to(), r.incident().id(), texts.about(t.alert().language(), r.incident(),
                Responses.word(r.outcome()), Responses.wordArgs(r)));
    }

    private void unclear(Target t, String body, Instant now) {
        Incident incident = t.incident();
        Alert alert = t.alert();
        if (!Text.blank(body)) dispatcher.noteReply(incident.id(), alert.recipientId(), body);
        long answered = memory.count("talk:" + incident.id() + ":" + Hashes.sha256(alert.to()).substring(0, 32), 1,
                now.plus(REMEMBERED), now);
        if (answered > limits.relaysPerSender()) {
            JsonLog.warn("sms.talkCapped", "incidentId", incident.id(), "from", alert.to(), "answered", answered);
            return;
        }
        RenderedSms text;
        if (alert.status() == AlertStatus.STOOD_DOWN && !incident.responders().isEmpty()) {
            text = texts.alreadyTaken(alert, incident, incident.responders().get(0).name());
        } else if (firstQuestion(incident, alert, now)) {
            text = texts.question(alert, incident);
        } else {
            text = texts.replyNoted(alert, incident);
        }
        out.sendOnRecord(alert.to(), incident.id(), text);
    }

    /** True once per alert (a realerted person's new alert is another: it has its own send time). */
    private boolean firstQuestion(Incident incident, Alert alert, Instant now) {
        String key = "asked:" + incident.id() + ":" + alert.recipientId() + ":" + alert.level() + ":"
                + (alert.sentAt() == null ? 0 : alert.sentAt().toEpochMilli());
        return memory.remember(key, "1", now.plus(REMEMBERED), now).isEmpty();
    }
}
