package huzhu.core.incident;

import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Member;
import huzhu.core.error.Conflict;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.SmsLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A later text from whoever raised an active incident — the member, their family, or the unknown number that
 * opened it — passed on to whoever is handling it (CONTRACT §5), with three more rules:
 * <ul>
 *   <li>Help words in it ({@link Urgency#callsForHelp}) make it urgent: flagged on the timeline and in the SMS, and while nobody
 *       has accepted, the officers hear it at once ({@link Dispatcher#relay(String, String, String, boolean)}).</li>
 *   <li>From the member or the family, "不用了", "没事了", "已经去医院了", "取消" ({@link StandDownWords}) are passed on
 *       and answered with how to confirm ("回复 取消N47"); the confirmation cancels the incident with their words as
 *       the reason, and everyone alerted is told.</li>
 *   <li>Each sender's texts about one incident are passed on at most {@link SmsLimits#relaysPerSender(boolean)}
 *       times; later ones are only kept on the timeline. The sender hears that once; for a registered family the
 *       officers hear it too, so that they read the timeline.</li>
 * </ul>
 */
final class ReporterFollowUps {
    private static final Duration REMEMBERED = Duration.ofDays(30);
    /** After an incident closed, this long its family's "没事了" or "谢谢" is a note to it, not a new emergency. */
    static final Duration AFTER_CLOSE = Duration.ofMinutes(30);

    /** What became of one later text. */
    enum Outcome { RELAYED, CANCELLED, KEPT }

    private final Dispatcher dispatcher;
    private final IncidentStore incidents;
    private final IdempotencyStore memory;
    private final Outbound out;
    private final IncidentTexts texts;
    private final SmsLimits limits;
    private final Language unionLanguage;
    private final Predicate<String> tellsOfADeath;

    /** {@code tellsOfADeath}: news of a death is passed on as news, never read as a wish to stand down. */
    ReporterFollowUps(Dispatcher dispatcher, IncidentStore incidents, IdempotencyStore memory, Outbound out,
            IncidentTexts texts, SmsLimits limits, Language unionLanguage, Predicate<String> tellsOfADeath) {
        this.dispatcher = dispatcher;
        this.incidents = incidents;
        this.memory = memory;
        this.out = out;
        this.texts = texts;
        this.limits = limits;
        this.unionLanguage = unionLanguage;
        this.tellsOfADeath = tellsOfADeath;
    }

    /** What a later text from the member or the family says, read before anything is done with it. */
    enum Meaning { CONFIRMS_CANCEL, WISHES_TO_STAND_DOWN, CALLS_FOR_HELP, NEWS }

    /**
     * The code's confirmation cancels; stand-down words with no help words beside them and no death told are a wish
     * to stand down; help words make it urgent; anything else is news to pass on.
     */
    static Meaning meaning(String body, String code, Predicate<String> tellsOfADeath) {
        if (StandDownWords.confirms(body, code)) return Meaning.CONFIRMS_CANCEL;
        if (StandDownWords.wish(body) && !tellsOfADeath.test(body)) return Meaning.WISHES_TO_STAND_DOWN;
        return Urgency.callsForHelp(body) ? Meaning.CALLS_FOR_HELP : Meaning.NEWS;
    }

    /** {@code member}: the member the sender is, or is family of; null for the unknown number that opened it. */
    Outcome followUp(Incident incident, Member member, String from, String body, Language lang, Instant now) {
        boolean verified = member != null;
        Meaning meaning = verified ? meaning(body, incident.code(), tellsOfADeath)
                : Urgency.callsForHelp(body) ? Meaning.CALLS_FOR_HELP : Meaning.NEWS;
        if (meaning == Meaning.CONFIRMS_CANCEL) {
            cancel(incident, member, from, lang, now);
            return Outcome.CANCELLED;
        }
        boolean wish = meaning == Meaning.WISHES_TO_STAND_DOWN;
        boolean urgent = meaning == Meaning.CALLS_FOR_HELP;
        int cap = limits.relaysPerSender(verified);
        long count = counted(incident, from, now);
        if (count > cap) {
            dispatcher.keepUnrelayed(incident.id(), body, from, cap);
            JsonLog.warn("sms.relayCapped", "incidentId", incident.id(), "from", from, "count", count, "urgent", urgent);
            if (count == cap + 1) {
                out.send(from, incident.id(), texts.about(lang, incident, "relay.capped", Map.of()));
                if (verified) dispatcher.tellOfficersRelaysCapped(incident);
            }
            return Outcome.KEPT;
        }
        if (wish) {
            memory.remember(wishKey(incident), body, now.plus(REMEMBERED), now);
            dispatcher.relayStandDownWish(incident.id(), body, from);
            out.send(from, incident.id(), texts.about(lang, incident, "cancel.ask", Map.of()));
        } else {
            dispatcher.relay(incident.id(), body, from, urgent);
            out.send(from, incident.id(), texts.about(lang, incident, "relayed", Map.of()));
        }
        return Outcome.RELAYED;
    }

    /**
     * A member's or family's text when none of their incidents is active: if one closed within {@link #AFTER_CLOSE}
     * and the text only stands down ("没事了", "取消N47") or thanks ("好的，谢谢"), it is noted on that incident and
     * answered, instead of opening a new one. Anything else — above all anything that might be a call for help — is
     * left to open an incident.
     */
    boolean afterClose(Member member, String from, String body, Language lang, Instant now) {
        boolean standsDown = StandDownWords.wish(body) || StandDownWords.confirmedCode(body) != null;
        if (!standsDown && !ReplyGrammar.onlyThanks(body)) return false;
        Optional<Incident> closed = incidents.createdBetween(now.minus(Duration.ofDays(1)), null).stream()
                .filter(i -> member.id().equals(i.memberId()) && !i.active() && i.closedAt() != null
                        && !i.closedAt().isBefore(now.minus(AFTER_CLOSE)))
                .max(Comparator.comparing(Incident::closedAt));
        if (closed.isEmpty()) return false;
        Incident incident = closed.get();
        if (counted(incident, from, now) > limits.relaysPerSender()) return true;
        dispatcher.addNote(incident.id(), texts.timeline("timeline.lateNote", Map.of("text", body)), from);
        out.send(from, incident.id(), texts.about(lang, incident, standsDown ? "cancel.closed" : "lateNote",
                Map.of()));
        return true;
    }

    private void cancel(Incident incident, Member member, String from, Language lang, Instant now) {
        String words = memory.recall(wishKey(incident), now).orElse("取消");
        String reason = Messages.text(unionLanguage, "reason.cancelledByReporter", Map.of("text", words));
        String actor = member.phone().equals(from) ? member.name()
                : member.familyContacts().stream().filter(c -> from.equals(c.phone())).map(FamilyContact::name)
                        .findFirst().orElse(from);
        Incident cancelled;
        try {
            cancelled = dispatcher.cancel(incident.id(), reason, actor);
        } catch (Conflict closedMeanwhile) {
            out.send(from, incident.id(), texts.about(lang, incident, "cancel.closed", Map.of()));
            return;
        }
        out.send(from, cancelled.id(), texts.about(lang, cancelled, "cancel.done", Map.of()));
        if (!member.phone().equals(from)) {
            out.sendOnRecord(member.phone(), cancelled.id(), texts.about(member.language(), cancelled, "cancel.member",
                    Map.of("reason", words)));
        }
        JsonLog.info("incident.cancelledByReporter", "incidentId", cancelled.id(), "from", from);
    }

    /** This sender's texts about this incident so far, this one included (the number is hashed, never stored). */
    private long counted(Incident incident, String from, Instant now) {
        return memory.count("relays:" + incident.id() + ":" + Hashes.sha256(from).substring(0, 32), 1,
                now.plus(REMEMBERED), now);
    }

    private static String wishKey(Incident incident) {
        return "standdown:" + incident.id();
    }
}
