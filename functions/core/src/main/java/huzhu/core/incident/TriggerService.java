package huzhu.core.incident;

import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.RateLimiter;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.Wire;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.SmsLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The personal emergency link: a member's family opens it and one tap raises the alarm. Tokens have 128
 * random bits and are stored only as their SHA-256. Rate limits: a source address may name
 * {@link #MISSES_PER_ADDRESS} links that open nothing (counted in the store); a real link is never refused for
 * what its address did (a carrier NAT or shared Wi-Fi holds the family and strangers alike), only by its own rules:
 * {@link #VIEWS_PER_LINK} page views. A member has one emergency at a time, as by SMS: pressing the link again while
 * theirs is under way joins it (nobody is alerted again), and what the press says is passed on to whoever is handling
 * it, for at most {@link SmsLimits#relaysPerSender(boolean)} presses per incident, then only kept on its timeline.
 */
public final class TriggerService {
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    static final int MAX_MESSAGE = 500;
    public static final RateLimiter.Limit MISSES_PER_ADDRESS = new RateLimiter.Limit("trigger-ip", 30, Duration.ofMinutes(10));
    public static final RateLimiter.Limit VIEWS_PER_LINK = new RateLimiter.Limit("trigger-view", 60, Duration.ofMinutes(10));

    private final TriggerTokenStore triggerTokens;
    private final String unionNumber;
    private final DirectoryStore directory;
    private final IncidentStore incidents;
    private final IdempotencyStore idempotency;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Ids ids;
    private final RateLimiter limiter;
    private final int relayCap;

    /** @param unionNumber the number families text in an emergency, said by a dead link; null when not set */
    public TriggerService(TriggerTokenStore triggerTokens, DirectoryStore directory, IncidentStore incidents, IdempotencyStore idempotency, Dispatcher dispatcher, Clock clock, Ids ids, RateLimiter limiter,
            SmsLimits limits, String unionNumber) {
        this.triggerTokens = triggerTokens;
        this.unionNumber = unionNumber;
        this.directory = directory;
        this.incidents = incidents;
        this.idempotency = idempotency;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.ids = ids;
        this.limiter = limiter;
        this.relayCap = limits.relaysPerSender(true);
    }

    public record LocationInput(String address, Double lat, Double lon) {
    }

    public record TriggerInput(String type, String message, String reporterName, String reporterPhone,
            LocationInput location) {
    }

    /** {@code reply} is shown to the person: the code and the reminder to call 120. */
    public record Triggered(String incidentId, String code, String status, String reply) {
    }

    /**
     * The member a token opens, for the page a request from {@code sourceIp} shows (null: no address to count
     * a miss against).
     */
    public Member memberFor(String token, String sourceIp) {
        Member member = lookUp(token, sourceIp);
        limiter.acquire(VIEWS_PER_LINK, Hashes.sha256(token));
        return member;
    }

    /**
     * The member a token opens, or {@link NotFound} ("trigger") whose text tells whoever holds a dead link (rotated,
     * the member gone, mistyped) what to do instead: call 120, text the union's number.
     */
    public Member memberFor(String token) {
        return lookUp(token, null);
    }

    /**
     * The member a token opens, read as a tap reads it (the link, then the member and that the token is still theirs,
     * together); a token that opens nothing counts against its address's misses (429 past them; null: no address).
     */
    private Member lookUp(String token, String sourceIp) {
        String tokenHash = hashOf(token);
        return new LiveLink(tokenHash, linkFor(tokenHash, sourceIp), sourceIp).member();
    }

    /** The hash a token is kept under, or null for what no token can be (blank, or longer than any we issue). */
    private static String hashOf(String token) {
        return Text.blank(token) || token.length() > 200 ? null : Hashes.sha256(token);
    }

    /** The number families text in an emergency, null when the deployment does not say. */
    public String unionNumber() {
        return unionNumber;
    }

    private NotFound deadLink() {
        return unionNumber == null ? new NotFound("trigger", "error.link.dead", Map.of())
                : new NotFound("trigger", "error.link.deadWithNumber", Map.of("number", unionNumber));
    }

    public Triggered trigger(String token, TriggerInput input, String idempotencyKey) {
        return trigger(token, input, idempotencyKey, null);
    }

    /**
     * One tap: three round trips to the store before the first alert. (1) the token's link, which names the member
     * and where they live, beside the active incidents and the key's recall; (2) the member and the check that the
     * token is still theirs, beside the volunteers of the city the link names, the policy, and the key kept;
     * (3) the incident. Bad input and a repeat are decided from (1), before the key is kept, and keep none; a dead link
     * still answers first (404 before 422). So is a press while the member's emergency is under way: it joins that one
     * (see {@link #joined}): no volunteers are read and nobody is alerted again. A link found dead only in (2), its member
     * gone or its token replaced, has kept its key, under a token that opens nothing. When the link names a city the
     * member has left, or none, the volunteers are read after the member.
     */
    public Triggered trigger(String token, TriggerInput input, String idempotencyKey, String sourceIp) {
        Instant now = clock.instant();
        String tokenHash = hashOf(token);
        // a key too long is refused below; a dead token is refused by the lookup
        String key = Text.blank(idempotencyKey) || idempotencyKey.length() > 200 || tokenHash == null ? null
                : "trigger:" + tokenHash + ":" + idempotencyKey;
        Pending<List<Incident>> active = ReadAhead.start(incidents::active);
        Pending<Optional<String>> replayOf = key == null ? ReadAhead.done(Optional.empty())
                : ReadAhead.start(() -> idempotency.recall(key, now));
        PhoneLink link = linkFor(tokenHash, sourceIp);
        LiveLink live = new LiveLink(tokenHash, link, sourceIp);
        Request request;
        try {
            request = request(input, idempotencyKey);
        } catch (Invalid bad) {
            live.member(); // a dead link is told so first
            throw bad;
        }

        List<Incident> activeNow = active.get();
        if (key != null) {
            Optional<Answered> first = replayOf.get().map(Answered::parse);
            Optional<Incident> replay = first.flatMap(a -> incidents.get(a.incidentId()));
            if (replay.isPresent()) return triggered(replay.get(), live.member(), first.get().reply());
        }
        Optional<Incident> underWay = activeNow.stream()
                .filter(i -> link.memberId().equals(i.memberId()) && i.type() != IncidentType.BEREAVEMENT)
                .max(Comparator.comparing(Incident::createdAt));
        if (underWay.isPresent()) return joined(underWay.get(), live.member(), request, key, now);
        Dispatcher.EarlyReads early = dispatcher.readAheadIn(Stream.ofNullable(link.homeCity()).toList());
        String incidentId = ids.newId();
        Optional<String> first = key == null ? Optional.empty()
                : idempotency.remember(key, incidentId, now.plus(IDEMPOTENCY_WINDOW), now);
        Member member = live.member();
        Dispatcher.OpeningReads opening = dispatcher.readAhead(member, activeNow, early);
        if (first.isPresent()) {
            Answered earlier = Answered.parse(first.get());
            incidentId = earlier.incidentId();
            Optional<Incident> existing = incidents.get(incidentId);
            if (existing.isPresent()) return triggered(existing.get(), member, earlier.reply());
            // the first request reserved the id but did not finish: finish it under the same id
        }
        Incident incident;
        try {
            incident = dispatcher.open(new Dispatcher.NewIncident(incidentId, member.id(), request.type(),
                    request.message(), request.place(), reporter(request, member), member.language()), opening,
                    created -> null);
        } catch (UnderWay another) {
            // another press or a family's text raised this emergency in the same instant, and was stored first. The key
            // stays remembered with the id this press reserved, so a repeat of it joins again: its words at most twice
            return joined(incidents.get(another.incidentId()).orElseThrow(() -> another), member, request, key, now);
        }
        return triggered(incident, member, Reply.OPENED);
    }

    /** What a press of the link came to, as the page tells it. */
    private enum Reply {
        OPENED("reply.trigger"),
        /** joined the emergency under way, nothing said */
        NOTED("reply.trigger.underWay"),
        /** joined it, and what it said was passed on */
        PASSED_ON("reply.trigger.passedOn"),
        /** joined it; what it said is on the timeline only, the link's relays being used up */
        KEPT("reply.trigger.kept");

        final String messageKey;

        Reply(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /**
     * What a key was first answered with, as it is remembered: the incident's id alone for one the press opened, the id
     * and the reply for one it joined (a repeat answers as the first time did).
     */
    private record Answered(String incidentId, Reply reply) {
        static Answered parse(String remembered) {
            int space = remembered.indexOf(' ');
            return space < 0 ? new Answered(remembered, Reply.OPENED)
                    : new Answered(remembered.substring(0, space), Reply.valueOf(remembered.substring(space + 1)));
        }

        String remembered() {
            return reply == Reply.OPENED ? incidentId : incidentId + " " + reply.name();
        }
    }

    /**
     * A press while the member's emergency is under way: no second incident, nobody alerted again. Its words go to
     * whoever is handling it as a family's later text does (urgent when they call for help); a press with no words is
     * noted on the timeline. Of the link's presses per incident, {@link #relayCap} do so; after them words are only
     * kept on the timeline and a bare press writes nothing. The key is kept after the words went, so a failure in
     * between is retried whole: passed on twice rather than lost.
     */
    private Triggered joined(Incident incident, Member member, Request request, String key, Instant now) {
        String actor = reporter(request, member).actor();
        boolean overCap = idempotency.count("presses:" + incident.id(), 1, now.plus(IDEMPOTENCY_WINDOW), now) > relayCap;
        Reply reply;
        if (request.message() == null) {
            if (!overCap) dispatcher.noteTappedAgain(incident.id(), actor);
            reply = Reply.NOTED;
        } else if (overCap) {
            dispatcher.keepUnrelayed(incident.id(), request.message(), actor, relayCap);
            reply = Reply.KEPT;
        } else {
            dispatcher.relay(incident.id(), request.message(), actor, Urgency.callsForHelp(request.message()));
            reply = Reply.PASSED_ON;
        }
        JsonLog.info("trigger.joined", "incidentId", incident.id(), "reply", reply.name());
        if (key != null) {
            idempotency.remember(key, new Answered(incident.id(), reply).remembered(), now.plus(IDEMPOTENCY_WINDOW), now);
        }
        return triggered(incident, member, reply);
    }

    /** What a tap asks for, checked. */
    private record Request(IncidentType type, String message, String reporterName, String reporterPhone, Place place) {
    }

    /** Who pressed: verified when they gave no phone (the link is the family's) or the member's or a family phone. */
    private static Reporter reporter(Request request, Member member) {
        String phone = request.reporterPhone();
        boolean verified = phone == null || phone.equals(member.phone()) || member.hasFamilyPhone(phone);
        return new Reporter(phone, request.reporterName(), Channel.HTTP, verified);
    }

    /** The request's fields and key, or {@link Invalid} naming every bad one. */
    private static Request request(TriggerInput input, String idempotencyKey) {
        TriggerInput in = input == null ? new TriggerInput(null, null, null, null, null) : input;
        Validation v = new Validation();
        IncidentType type = IncidentType.OTHER;
        if (!Text.blank(in.type())) {
            type = Wire.parse(IncidentType.class, in.type());
            if (type == null) v.problem("type", "invalid.type");
        }
        String message = v.text("message", in.message(), MAX_MESSAGE, false);
        if (Text.blank(in.type())) type = IncidentTypes.guess(message);
        String name = v.text("reporterName", in.reporterName(), DirectoryService.MAX_NAME, false);
        String phone = v.phone("reporterPhone", in.reporterPhone(), false);
        Place place = null;
        if (in.location() != null) {
            v.range("location.lat", in.location().lat(), -90, 90);
            v.range("location.lon", in.location().lon(), -180, 180);
            place = new Place(v.text("location.address", in.location().address(), 200, false), in.location().lat(),
                    in.location().lon());
        }
        v.idempotencyKey(idempotencyKey, 200);
        v.throwIfAny();
        return new Request(type, message, name, phone, place);
    }

    /** The link a token hash names, or the dead link's {@link NotFound}, counted against the address. */
    private PhoneLink linkFor(String tokenHash, String sourceIp) {
        Optional<PhoneLink> link = tokenHash == null ? Optional.empty() : triggerTokens.linkFor(tokenHash);
        if (link.isEmpty()) throw miss(sourceIp);
        return link.get();
    }

    private NotFound miss(String sourceIp) {
        limiter.acquire(MISSES_PER_ADDRESS, sourceIp);
        return deadLink();
    }

    /**
     * The member a link names, and that the token is still theirs, read together (started at once, beside whatever
     * the caller starts next); {@link #member()} is the member, or the dead link's {@link NotFound}.
     */
    private final class LiveLink {
        private final Pending<Optional<Member>> member;
        private final Pending<Boolean> current;
        private final String sourceIp;

        LiveLink(String tokenHash, PhoneLink link, String sourceIp) {
            this.member = ReadAhead.start(() -> directory.members().get(link.memberId()));
            this.current = ReadAhead.start(() -> triggerTokens.tokenHashOf(link.memberId()).filter(tokenHash::equals)
                    .isPresent());
            this.sourceIp = sourceIp;
        }

        Member member() {
            Optional<Member> found = member.get();
            if (!current.get() || found.isEmpty()) throw miss(sourceIp);
            return found.get();
        }
    }

    private static Triggered triggered(Incident incident, Member member, Reply reply) {
        return new Triggered(incident.id(), incident.code(), incident.status().wire(),
                Messages.text(member.language(), reply.messageKey, Map.of("code", incident.code())));
    }
}
