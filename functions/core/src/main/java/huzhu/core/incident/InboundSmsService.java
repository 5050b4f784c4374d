package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.RateLimited;
import huzhu.core.incident.Dispatcher.EarlyReads;
import huzhu.core.incident.ReplyGrammar.Reading;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PhoneNumbers;
import huzhu.core.kernel.RateLimiter;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OptOutStore;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SmsLimits;
import huzhu.core.sms.Texting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final Texting texting;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Language defaultLanguage;
    private final NoticeReplies noticeReplies;
    private final AlertHolderReplies alertHolders;
    private final ReporterFollowUps followUps;
    private final RateLimiter.Limit unverifiedPerHour;
    private final RateLimiter.Limit optOutReplies;
    private final BereavementReports bereavements;

    /**
     * {@code noticeReplies}: where replies to a recent notice go, see {@link NoticeReplies}; {@code bereavements}:
     * where news of a death in the family goes, see {@link BereavementReports}.
     */
    public InboundSmsService(IdempotencyStore idempotency, DirectoryStore directory, IncidentStore incidents, OptOutStore optOuts, Dispatcher dispatcher, Texting texting, Clock clock,
            ServiceConfig config, RateLimiter limiter, NoticeReplies noticeReplies, BereavementReports bereavements) {
        this.idempotency = idempotency;
        this.directory = directory;
        this.incidents = incidents;
        this.optOuts = optOuts;
        this.dispatcher = dispatcher;
        this.texting = texting;
        this.clock = clock;
        this.limiter = limiter;
        this.defaultLanguage = texting.unionLanguage();
        this.noticeReplies = noticeReplies;
        SmsLimits limits = config.limits();
        Outbound out = new Outbound(texting.messenger());
        IncidentTexts texts = new IncidentTexts(config);
        this.alertHolders = new AlertHolderReplies(dispatcher, idempotency, out, texts, limits);
        this.followUps = new ReporterFollowUps(dispatcher, incidents, idempotency, out, texts, limits,
                defaultLanguage, bereavements::tellsOfADeath);
        this.unverifiedPerHour = new RateLimiter.Limit("sms-unverified-all", limits.unverifiedIncidentsPerHour(),
                Duration.ofHours(1));
        this.optOutReplies = new RateLimiter.Limit("sms-optout-reply", limits.optOutRepliesPerDay(),
                Duration.ofDays(1));
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
        /** the reporter confirmed with the code that help is no longer needed: the incident is cancelled */
        CANCELLED,
        /** a reporter's text beyond their cap: on the timeline, passed on to nobody */
        KEPT,
        /** "没事了" or "谢谢" just after the incident closed: noted on it, nothing opened */
        NOTED,
        /** news of a death in the member's family, for the union's leaders (no alert) */
        BEREAVEMENT }

    public Handled handle(InboundSms in) {
        Instant now = clock.instant();
        Optional<String> from = PhoneNumbers.normalize(in.originationNumber());
        if (from.isEmpty()) {
            JsonLog.warn("sms.badSender", "inboundMessageId", in.inboundMessageId());
            return Handled.IGNORED;
        }
        String body = Text.shorten(Text.clean(in.messageBody() == null ? "" : in.messageBody()), MAX_BODY);
        boolean stop = ReplyGrammar.isStop(body);
        // what every text but STOP is routed by, read together with the check for a redelivery
        Sender sender = stop ? null : Sender.readAhead(from.get(), incidents, directory, dispatcher);
        String seenKey = Text.blank(in.inboundMessageId()) ? null : "sms:" + in.inboundMessageId();
        if (seenKey != null && idempotency.recall(seenKey, now).isPresent()) {
            JsonLog.info("sms.duplicate", "inboundMessageId", in.inboundMessageId());
            return Handled.DUPLICATE;
        }
        Handled handled = stop ? optOut(from.get(), now) : route(from.get(), body, in, now, sender);
        if (seenKey != null) idempotency.remember(seenKey, handled.name(), now.plus(SEEN_WINDOW), now);
        JsonLog.info("sms.handled", "inboundMessageId", in.inboundMessageId(), "from", from.get(), "action",
                handled.name());
        return handled;
    }

    /**
     * The reads a text is routed by — the active incidents, the sender as a member, the members whose family the
     * sender is — started together: each is a round trip before the first alert. Read once, used throughout.
     */
    private record Sender(Pending<List<Incident>> active, Pending<Found> asMember, Pending<Found> family) {
        static Sender readAhead(String from, IncidentStore incidents, DirectoryStore directory, Dispatcher dispatcher) {
            return new Sender(ReadAhead.start(incidents::active),
                    ReadAhead.start(() -> {
                        Optional<PhoneLink> link = directory.memberPhoneLink(from);
                        EarlyReads opening = opening(link.stream().toList(), dispatcher);
                        return new Found(link.flatMap(l -> directory.members().get(l.memberId()))
                                .filter(m -> from.equals(m.phone())).stream().toList(), opening);
                    }),
                    ReadAhead.start(() -> {
                        List<PhoneLink> links = directory.familyLinks(from);
                        EarlyReads opening = opening(links, dispatcher);
                        return new Found(directory.membersLinkedBy(from, links), opening);
                    }));
        }

        /**
         * Most texts from a member's or a family's phone open an incident: what opening reads for the cities the
         * phone's links name starts before the members are read, beside them (for the rest, two reads in vain).
         */
        private static EarlyReads opening(List<PhoneLink> links, Dispatcher dispatcher) {
            return dispatcher.readAheadIn(links.stream().map(PhoneLink::homeCity).filter(Objects::nonNull).distinct()
                    .toList());
        }
    }

    /** The members a phone leads to, and what opening an incident for them reads, under way. */
    private record Found(List<Member> members, EarlyReads opening) {
    }

    private Handled route(String from, String body, InboundSms in, Instant now, Sender sender) {
        List<Incident> activeNow = sender.active().get();
        Found asMember = sender.asMember().get();
        Found family = sender.family().get();
        Member member = !asMember.members().isEmpty() ? asMember.members().get(0)
                : family.members().isEmpty() ? null : pick(family.members(), activeNow);
        EarlyReads early = !asMember.members().isEmpty() ? asMember.opening() : family.opening();

        List<AlertHolderReplies.Target> alerts = AlertHolderReplies.alertsTo(from, activeNow);
        if (!alerts.isEmpty()) {
            Reading reading = ReplyGrammar.read(body);
            // someone alerted for another's emergency may have one of their own, or a death in their own family:
            // that is not an answer to the alert
            boolean ownNews = member != null && !reading.understood()
                    && (Urgency.mightBeEmergency(body) || bereavements.tellsOfADeath(body));
            if (!ownNews) {
                alertHolders.answer(alerts, reading, body, in.previousPublishedMessageId(), now);
                return Handled.REPLY;
            }
        }

        if (member != null) {
            // a death already recorded is no emergency in progress: the family's words about it go to the hook below
            Optional<Incident> active = activeNow.stream().filter(i -> member.id().equals(i.memberId()))
                    .filter(i -> i.type() != IncidentType.BEREAVEMENT)
                    .max(Comparator.comparing(Incident::createdAt));
            if (active.isPresent() && active.get().id().equals(incidentIdFor(in))) {
                // a redelivery of the very SMS that opened it (the first delivery failed after opening):
                // finish what the first delivery may not have done, do not relay it as news
                return open(in, body, active.get().reporter(), member.language(),
                        dispatcher.readAhead(member, activeNow, early), opened -> receiptOnRecord(from, opened, member.language()),
                        now);
            }
            if (active.isPresent()) {
                if (Text.blank(body)) return Handled.IGNORED; // nothing to pass on
                return followedUp(followUps.followUp(active.get(), member, from, body, member.language(), now));
            }
            // most texts from a member's family with no emergency in progress open one: what opening reads
            // starts now, while the checks below look for the few that do not
            Dispatcher.OpeningReads opening = dispatcher.readAhead(member, activeNow, early);
            // no emergency in progress: news of a death in the family goes to the union's leaders, not the volunteers
            // (BereavementReports decides; anything that might be an emergency it leaves to be opened below)
            if (bereavements.take(from, body, member, incidentIdFor(in), activeNow, now)) return Handled.BEREAVEMENT;
            // no active incident: "没事了" or "谢谢" just after one closed is a note to it, not a new emergency
            if (followUps.afterClose(member, from, body, member.language(), now)) return Handled.NOTED;
            // a reply to a notice sent to this phone lately goes to that notice's thread,
            // unless it clearly is an emergency (NoticeReplies decides; in doubt it keeps it and asks the sender)
            if (noticeReplies.take(from, body, member, now)) return Handled.NOTICE_REPLY;
            String name = member.phone().equals(from) ? member.name()
                    : member.familyContacts().stream().filter(c -> from.equals(c.phone())).map(FamilyContact::name)
                            .findFirst().orElse(null);
            return open(in, body, new Reporter(from, name, Channel.SMS, true), member.language(), opening,
                    opened -> receiptOnRecord(from, opened, member.language()), now);
        }

        // a stranger's further texts belong to the incident they opened, not to a new one
        Optional<Incident> ownUnverified = activeNow.stream()
                .filter(i -> i.memberId() == null && from.equals(i.reporter().phone()))
                .max(Comparator.comparing(Incident::createdAt));
        if (ownUnverified.isPresent() && !ownUnverified.get().id().equals(incidentIdFor(in))) {
            Incident own = ownUnverified.get();
            if (Text.blank(body)) return Handled.IGNORED;
            return followedUp(followUps.followUp(own, null, from, body, own.language(), now));
        }

        if (ReplyGrammar.isHelpRequest(body)) {
            if (ownUnverified.isEmpty() && !mayOpenUnverified(from, in, now)) {
                return explainOnce(from, now) ? Handled.EXPLAINED : Handled.LIMITED;
            }
            Language lang = body.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    ? Language.ZH_CN : Language.EN;
            open(in, body, new Reporter(from, null, Channel.SMS, false), lang, dispatcher.readAhead(null, activeNow),
                    opened -> message(from, opened.id(), lang, "receipt.unverified", Map.of("code", opened.code())), now);
            return Handled.OPENED_UNVERIFIED;
        }
        // a volunteer or leader answering a notice (not an alert: those matched above)
        if (noticeReplies.take(from, body, null, now)) return Handled.NOTICE_REPLY;

        explainOnce(from, now);
        return Handled.EXPLAINED;
    }

    private static Handled followedUp(ReporterFollowUps.Outcome outcome) {
        return switch (outcome) {
            case RELAYED -> Handled.RELAYED;
            case CANCELLED -> Handled.CANCELLED;
            case KEPT -> Handled.KEPT;
        };
    }

    /**
     * Whether an unknown number may open an incident now: at most {@link #UNVERIFIED_PER_SENDER} per number, and
     * {@link SmsLimits#unverifiedIncidentsPerHour()} for all numbers together — when that is reached, the officers
     * hear it once in the hour (a flood of new numbers must not turn into a flood of alerts).
     */
    private boolean mayOpenUnverified(String from, InboundSms in, Instant now) {
        try {
            limiter.acquire(UNVERIFIED_PER_SENDER, from);
        } catch (RateLimited e) {
            JsonLog.warn("sms.rateLimited", "inboundMessageId", in.inboundMessageId(), "from", from,
                    "retryAfterSeconds", e.retryAfter().toSeconds());
            return false;
        }
        try {
            limiter.acquire(unverifiedPerHour, "all");
            return true;
        } catch (RateLimited e) {
            JsonLog.warn("sms.unverifiedCap", "inboundMessageId", in.inboundMessageId(), "from", from,
                    "max", unverifiedPerHour.max(), "retryAfterSeconds", e.retryAfter().toSeconds());
            long window = Math.floorDiv(now.toEpochMilli(), unverifiedPerHour.per().toMillis());
            if (idempotency.remember("unverified-cap-told:" + window, "1", now.plus(unverifiedPerHour.per()), now)
                    .isEmpty()) {
                for (Leader officer : directory.leadersAtLevel(1)) {
                    reply(officer.phone(), null, officer.language(), "unverifiedCap.officer", Map.of());
                }
            }
            return false;
        }
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
     * receipt goes out with the first alerts (see {@link Dispatcher#open(Dispatcher.NewIncident, Function)}). A text
     * whose member's emergency was raised by another text or a press in the same instant, and stored first, is passed
     * on to that one, as a later text is.
     */
    private Handled open(InboundSms in, String body, Reporter reporter, Language lang, Dispatcher.OpeningReads reads,
            Function<Incident, OutboundSms> receipt, Instant now) {
        Member member = reads.member();
        try {
            dispatcher.open(new Dispatcher.NewIncident(incidentIdFor(in), member == null ? null : member.id(),
                    IncidentTypes.guess(body), body, null, reporter, lang), reads, receipt);
            return Handled.OPENED;
        } catch (UnderWay another) {
            Incident underWay = incidents.get(another.incidentId()).orElseThrow(() -> another);
            if (Text.blank(body)) return Handled.IGNORED; // nothing to pass on
            return followedUp(followUps.followUp(underWay, member, reporter.phone(), body, lang, now));
        }
    }

    private static String incidentIdFor(InboundSms in) {
        return Text.blank(in.inboundMessageId()) ? null : "sms-" + Hashes.sha256(in.inboundMessageId()).substring(0, 20);
    }

    /**
     * STOP/TD/退订: always recorded. A volunteer goes off duty, and the officers hear it when that changes something;
     * the sender's confirmation goes out at most {@link SmsLimits#optOutRepliesPerDay()} times a day.
     */
    private Handled optOut(String from, Instant now) {
        optOuts.record(from, now);
        Optional<Volunteer> volunteer = directory.volunteers().byPhone(from);
        Language lang = defaultLanguage;
        if (volunteer.isPresent()) {
            Volunteer v = volunteer.get();
            lang = v.language();
            // an officer editing the volunteer at this moment must not undo the opt-out, nor it their edit
            Volunteer changed = VersionedChange.run(5, VersionedChange.startingWith(v, () -> directory.volunteers()
                            .byPhone(from).orElse(null)),
                    current -> current == null || (!current.onDuty() && current.hasOptedOut())
                            ? Decision.<Volunteer, Volunteer>none(null) : Decision.write(current.optedOut(now)),
                    directory.volunteers()::update);
            if (changed != null) {
                for (Leader officer : directory.leadersAtLevel(1)) {
                    reply(officer.phone(), null, officer.language(), "optOut.officer", Map.of("name", v.name()));
                }
            }
        }
        JsonLog.info("sms.optOut", "from", from, "volunteer", volunteer.isPresent());
        try {
            limiter.acquire(optOutReplies, from);
            reply(from, null, lang, "optedOut", Map.of());
        } catch (RateLimited e) {
            JsonLog.info("sms.optOutReplyLimited", "from", from);
        }
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
        texting.send(to, lang, template, args, incidentId);
    }

    /** The receipt to a sender found in the directory (the member, or a family contact on the member's record). */
    private OutboundSms receiptOnRecord(String from, Incident opened, Language lang) {
        return OutboundSms.onRecord(from, texting.render(lang, "receipt", Map.of("code", opened.code())), opened.id());
    }

    private OutboundSms message(String to, String incidentId, Language lang, String template, Map<String, ?> args) {
        return new OutboundSms(to, texting.render(lang, template, args), incidentId);
    }

}
