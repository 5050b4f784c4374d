package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.RateLimited;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.ReplyGrammar.Reply;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PhoneNumbers;
import huzhu.core.kernel.RateLimiter;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OptOutStore;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SmsComposer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Every SMS that reaches the union's number, handled by who sent it and what it says (CONTRACT §5). */
public final class InboundSmsService {
    static final Duration SEEN_WINDOW = Duration.ofHours(24);
    static final Duration EXPLAIN_ONCE_PER = Duration.ofHours(1);
    static final int MAX_BODY = 1000;
    /** Unverified incidents one unknown number may open; its further texts go to the one still active. */
    public static final RateLimiter.Limit UNVERIFIED_PER_SENDER =
            new RateLimiter.Limit("sms-unverified", 3, Duration.ofHours(1));

    private final IdempotencyStore idempotency;
    private final DirectoryStore directory;
    private final IncidentStore incidents;
    private final OptOutStore optOuts;
    private final Dispatcher dispatcher;
    private final Messenger messenger;
    private final Clock clock;
    private final SmsComposer sms;
    private final RateLimiter limiter;
    private final Language defaultLanguage;
    private final NoticeReplies noticeReplies;
    private final BereavementReports bereavements;

    public InboundSmsService(IdempotencyStore idempotency, DirectoryStore directory, IncidentStore incidents, OptOutStore optOuts, Dispatcher dispatcher, Messenger messenger, Clock clock,
            ServiceConfig config, RateLimiter limiter) {
        this(idempotency, directory, incidents, optOuts, dispatcher, messenger, clock, config, limiter, NoticeReplies.NONE);
    }

    /** {@code noticeReplies}: where replies to a recent notice go, see {@link NoticeReplies}. */
    public InboundSmsService(IdempotencyStore idempotency, DirectoryStore directory, IncidentStore incidents, OptOutStore optOuts, Dispatcher dispatcher, Messenger messenger, Clock clock,
            ServiceConfig config, RateLimiter limiter, NoticeReplies noticeReplies) {
        this(idempotency, directory, incidents, optOuts, dispatcher, messenger, clock, config, limiter, noticeReplies,
                BereavementReports.NONE);
    }

    /** {@code bereavements}: where news of a death in the family goes, see {@link BereavementReports}. */
    public InboundSmsService(IdempotencyStore idempotency, DirectoryStore directory, IncidentStore incidents, OptOutStore optOuts, Dispatcher dispatcher, Messenger messenger, Clock clock,
            ServiceConfig config, RateLimiter limiter, NoticeReplies noticeReplies, BereavementReports bereavements) {
        this.idempotency = idempotency;
        this.directory = directory;
        this.incidents = incidents;
        this.optOuts = optOuts;
        this.dispatcher = dispatcher;
        this.messenger = messenger;
        this.clock = clock;
        this.sms = new SmsComposer(config.smsSignature());
        this.limiter = limiter;
        this.defaultLanguage = config.defaultLanguage();
        this.noticeReplies = noticeReplies;
        this.bereavements = bereavements;
    }

    /** The two-way SMS JSON that AWS End User Messaging publishes to SNS. */
    public record InboundSms(String originationNumber, String destinationNumber, String messageBody,
            String inboundMessageId, String previousPublishedMessageId) {
    }

    /** What was done with one SMS, for logs and tests. */
    public enum Handled { DUPLICATE, IGNORED, REPLY, RELAYED, OPENED, OPENED_UNVERIFIED, OPTED_OUT, EXPLAINED, LIMITED,
        /** a reply to a recent notice, in its thread */
        NOTICE_REPLY,
        /** news of a death in the member's family, for the union's leaders (no alert) */
        BEREAVEMENT }

    public Handled handle(InboundSms in) {
        Instant now = clock.instant();
        Optional<String> from = PhoneNumbers.normalize(in.originationNumber());
        if (from.isEmpty()) {
            JsonLog.warn("sms.badSender", "inboundMessageId", in.inboundMessageId());
            return Handled.IGNORED;
        }
        String seenKey = Text.blank(in.inboundMessageId()) ? null : "sms:" + in.inboundMessageId();
        if (seenKey != null && idempotency.recall(seenKey, now).isPresent()) {
            JsonLog.info("sms.duplicate", "inboundMessageId", in.inboundMessageId());
            return Handled.DUPLICATE;
        }
        String body = Text.shorten(Text.clean(in.messageBody() == null ? "" : in.messageBody()), MAX_BODY);
        Handled handled = route(from.get(), body, in, now);
        if (seenKey != null) idempotency.remember(seenKey, handled.name(), now.plus(SEEN_WINDOW), now);
        JsonLog.info("sms.handled", "inboundMessageId", in.inboundMessageId(), "from", from.get(), "action",
                handled.name());
        return handled;
    }

    private Handled route(String from, String body, InboundSms in, Instant now) {
        if (ReplyGrammar.isStop(body)) return optOut(from, now);

        Optional<Reply> reply = ReplyGrammar.parse(body);
        if (reply.isPresent()) {
            Optional<Target> target = target(from, reply.get(), in.previousPublishedMessageId());
            if (target.isPresent()) return answer(target.get(), reply.get().action());
        }

        List<Member> asMember = directory.members().byPhone(from).map(List::of).orElse(List.of());
        List<Member> family = directory.membersWithFamilyPhone(from);
        // read once: each read of the active incidents is a round trip before the alerts go out
        List<Incident> activeNow = asMember.isEmpty() && family.isEmpty() ? List.of() : incidents.active();
        Member member = !asMember.isEmpty() ? asMember.get(0) : family.isEmpty() ? null : pick(family, activeNow);
        if (member != null) {
            // a death already recorded is no emergency in progress: the family's words about it go to the hook below
            Optional<Incident> active = activeNow.stream().filter(i -> member.id().equals(i.memberId()))
                    .filter(i -> i.type() != IncidentType.BEREAVEMENT)
                    .max(Comparator.comparing(Incident::createdAt));
            if (active.isPresent() && active.get().id().equals(incidentIdFor(in))) {
                // a redelivery of the very SMS that opened it (the first delivery failed after opening):
                // finish what the first delivery may not have done, do not relay it as news
                open(in, member.id(), body, active.get().reporter(), member.language(),
                        opened -> message(from, opened.id(), member.language(), "receipt",
                                Map.of("code", opened.code())));
                return Handled.OPENED;
            }
            if (active.isPresent()) {
                if (Text.blank(body)) return Handled.IGNORED; // nothing to pass on
                dispatcher.relay(active.get().id(), body, from);
                reply(from, active.get().id(), member.language(), "relayed", Map.of("code", active.get().code()));
                return Handled.RELAYED;
            }
            // no emergency in progress: news of a death in the family goes to the union's leaders, not the volunteers
            // (BereavementReports decides; anything that might be an emergency it leaves to be opened below)
            if (bereavements.take(from, body, member, incidentIdFor(in), now)) return Handled.BEREAVEMENT;
            // no active incident: a reply to a notice sent to this phone lately goes to that notice's thread,
            // unless it might be an emergency (NoticeReplies decides; when in doubt it declines, and we open)
            if (noticeReplies.take(from, body, member, now)) return Handled.NOTICE_REPLY;
            String name = member.phone().equals(from) ? member.name()
                    : member.familyContacts().stream().filter(c -> from.equals(c.phone())).map(FamilyContact::name)
                            .findFirst().orElse(null);
            open(in, member.id(), body, new Reporter(from, name, Channel.SMS, true), member.language(),
                    opened -> message(from, opened.id(), member.language(), "receipt", Map.of("code", opened.code())));
            return Handled.OPENED;
        }

        // a stranger's further texts belong to the incident they opened, not to a new one
        Optional<Incident> ownUnverified = incidents.active().stream()
                .filter(i -> i.memberId() == null && from.equals(i.reporter().phone()))
                .max(Comparator.comparing(Incident::createdAt));
        if (ownUnverified.isPresent() && !ownUnverified.get().id().equals(incidentIdFor(in))) {
            Incident own = ownUnverified.get();
            if (Text.blank(body)) return Handled.IGNORED;
            dispatcher.relay(own.id(), body, from);
            reply(from, own.id(), own.language(), "relayed", Map.of("code", own.code()));
            return Handled.RELAYED;
        }

        if (ReplyGrammar.isHelpRequest(body)) {
            if (ownUnverified.isEmpty()) {
                try {
                    limiter.acquire(UNVERIFIED_PER_SENDER, from);
                } catch (RateLimited e) {
                    JsonLog.warn("sms.rateLimited", "inboundMessageId", in.inboundMessageId(), "from", from,
                            "retryAfterSeconds", e.retryAfter().toSeconds());
                    return explainOnce(from, now) ? Handled.EXPLAINED : Handled.LIMITED;
                }
            }
            Language lang = body.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    ? Language.ZH_CN : Language.EN;
            open(in, null, body, new Reporter(from, null, Channel.SMS, false), lang,
                    opened -> message(from, opened.id(), lang, "receipt.unverified", Map.of("code", opened.code())));
            return Handled.OPENED_UNVERIFIED;
        }
        // a volunteer or leader answering a notice (not an alert: those matched above)
        if (noticeReplies.take(from, body, null, now)) return Handled.NOTICE_REPLY;

        explainOnce(from, now);
        return Handled.EXPLAINED;
    }

    /** Tells an unknown number how to ask for help, at most once per {@link #EXPLAIN_ONCE_PER}. */
    private boolean explainOnce(String from, Instant now) {
        Optional<String> explained = idempotency.remember("explain:" + from, "1", now.plus(EXPLAIN_ONCE_PER), now);
        if (explained.isPresent()) return false;
        reply(from, null, defaultLanguage, "unknownSender", Map.of());
        return true;
    }

    /**
     * An incident opened by SMS takes its id from the SMS, so a redelivery can never open a second one. The
     * receipt goes out with the first alerts (see {@link Dispatcher#open(Dispatcher.NewIncident, Function)}).
     */
    private void open(InboundSms in, String memberId, String body, Reporter reporter, Language lang,
            Function<Incident, OutboundSms> receipt) {
        dispatcher.open(new Dispatcher.NewIncident(incidentIdFor(in), memberId, IncidentTypes.guess(body), body, null,
                reporter, lang), receipt);
    }

    private static String incidentIdFor(InboundSms in) {
        return Text.blank(in.inboundMessageId()) ? null : "sms-" + Hashes.sha256(in.inboundMessageId()).substring(0, 20);
    }

    private record Target(Incident incident, Alert alert) {
    }

    /**
     * Which alert a reply answers: the one whose SMS it quotes, else the one its code names, else the
     * sender's most recent one still waiting for this kind of answer.
     */
    private Optional<Target> target(String from, Reply reply, String previousMessageId) {
        List<Target> mine = incidents.active().stream()
                .flatMap(i -> i.alerts().stream().filter(a -> from.equals(a.to())).map(a -> new Target(i, a)))
                .toList();
        if (mine.isEmpty()) return Optional.empty();
        if (!Text.blank(previousMessageId)) {
            Optional<Target> quoted = mine.stream().filter(t -> previousMessageId.equals(t.alert().messageId()))
                    .findFirst();
            if (quoted.isPresent()) return quoted;
        }
        if (reply.code() != null) {
            Optional<Target> coded = mine.stream().filter(t -> reply.code().equals(t.incident().code())).findFirst();
            if (coded.isPresent()) return coded;
        }
        boolean forResponders = reply.action() == Action.ARRIVED || reply.action() == Action.DONE;
        Comparator<Target> newest = Comparator.comparing(t -> t.alert().sentAt() == null ? Instant.MIN
                : t.alert().sentAt());
        Optional<Target> waiting = mine.stream()
                .filter(t -> forResponders ? t.alert().status() == AlertStatus.ACCEPTED
                        : t.alert().status().outstanding())
                .max(newest);
        return waiting.isPresent() ? waiting : mine.stream().max(newest);
    }

    private Handled answer(Target t, Action action) {
        Dispatcher.Response r = dispatcher.respond(t.incident().id(), t.alert().recipientId(), action);
        Incident inc = r.incident();
        String key = switch (r.outcome()) {
            case ACCEPTED -> null; // the dispatcher already sent the responder the details
            case ALREADY_YOURS -> "alreadyYours";
            case ALREADY_TAKEN -> "alreadyTaken";
            case DECLINED -> "declined";
            case ARRIVED -> "arrived";
            case DONE -> "done";
            case CLOSED -> "closed";
            case NOT_RESPONDER -> "notResponder";
        };
        if (key != null) {
            reply(t.alert().to(), inc.id(), t.alert().language(), key, Map.of("code", inc.code(),
                    "name", r.takenBy() == null ? "" : r.takenBy()));
        }
        return Handled.REPLY;
    }

    private Handled optOut(String from, Instant now) {
        optOuts.record(from, now);
        Optional<Volunteer> volunteer = directory.volunteers().byPhone(from);
        Language lang = defaultLanguage;
        if (volunteer.isPresent()) {
            Volunteer v = volunteer.get();
            lang = v.language();
            // an officer editing the volunteer at this moment must not undo the opt-out, nor it their edit
            VersionedChange.run(5, VersionedChange.startingWith(v, () -> directory.volunteers().byPhone(from)
                            .orElse(null)),
                    current -> current == null || (!current.onDuty() && current.hasOptedOut())
                            ? Decision.none(null) : Decision.write(current.optedOut(now)),
                    directory.volunteers()::update);
            for (Leader officer : directory.leadersAtLevel(1)) {
                reply(officer.phone(), null, officer.language(), "optOut.officer", Map.of("name", v.name()));
            }
        }
        JsonLog.info("sms.optOut", "from", from, "volunteer", volunteer.isPresent());
        reply(from, null, lang, "optedOut", Map.of());
        return Handled.OPTED_OUT;
    }

    /** A phone listed as family by several members (siblings): the one with an active incident, else the first. */
    private Member pick(List<Member> members, List<Incident> active) {
        for (Member m : members) {
            if (active.stream().anyMatch(i -> m.id().equals(i.memberId()))) return m;
        }
        return members.get(0);
    }

    private void reply(String to, String incidentId, Language lang, String template, Map<String, ?> args) {
        messenger.send(message(to, incidentId, lang, template, args));
    }

    private OutboundSms message(String to, String incidentId, Language lang, String template, Map<String, ?> args) {
        return new OutboundSms(to, sms.render(lang, template, args), incidentId);
    }

}
