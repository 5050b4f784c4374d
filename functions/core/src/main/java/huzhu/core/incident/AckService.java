package huzhu.core.incident;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.RateLimiter;
import java.time.Duration;
import java.util.Locale;

/**
 * The link in an alert SMS: one person, one incident, signed ({@link AckTokens}). It opens only while the
 * incident is active, so a forwarded old SMS reveals nothing. A source address may name
 * {@link #MISSES_PER_ADDRESS} links that open nothing: far too few to try tokens. A real link is never refused
 * for what others sharing its address did, only by its own rule: {@link #USES_PER_LINK} pages and actions, far
 * more than one volunteer needs.
 */
public final class AckService {
    public static final RateLimiter.Limit MISSES_PER_ADDRESS = new RateLimiter.Limit("ack-ip", 60, Duration.ofMinutes(10));
    public static final RateLimiter.Limit USES_PER_LINK = new RateLimiter.Limit("ack-link", 60, Duration.ofMinutes(10));

    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final Dispatcher dispatcher;
    private final AckTokens tokens;
    private final RateLimiter limiter;

    public AckService(IncidentStore incidents, DirectoryStore directory, Dispatcher dispatcher, AckTokens tokens, RateLimiter limiter) {
        this.incidents = incidents;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    /** What the alerted person sees: enough to decide and to find the place. */
    public record AckView(Incident incident, Alert alert, Member member) {
        public Language language() {
            return alert.language();
        }
    }

    public record AckResult(String incidentId, String status, String message) {
    }

    /** The page for a request from {@code sourceIp} (null: not limited by address). */
    public AckView view(String token, String sourceIp) {
        AckView view = lookUp(token, sourceIp);
        limiter.acquire(USES_PER_LINK, token);
        return view;
    }

    /** The link's view; a token that opens nothing counts against its address's misses (429 past them). */
    private AckView lookUp(String token, String sourceIp) {
        try {
            return view(token);
        } catch (NotFound miss) {
            limiter.acquire(MISSES_PER_ADDRESS, sourceIp);
            throw miss;
        }
    }

    public AckView view(String token) {
        String code = AckTokens.code(token).orElseThrow(() -> new NotFound("ack"));
        for (Incident incident : incidents.active()) {
            if (!incident.code().equals(code)) continue;
            for (Alert alert : incident.alerts()) {
                if (tokens.verifies(token, incident.id(), alert.recipientId())) {
                    Member member = incident.memberId() == null ? null
                            : directory.members().get(incident.memberId()).orElse(null);
                    return new AckView(incident, alert, member);
                }
            }
        }
        throw new NotFound("ack");
    }

    public AckResult act(String token, String action, String sourceIp) {
        Action parsed = parse(action);
        return act(view(token, sourceIp), parsed);
    }

    public AckResult act(String token, String action) {
        Action parsed = parse(action);
        return act(view(token), parsed);
    }

    private AckResult act(AckView view, Action parsed) {
        Dispatcher.Response r = dispatcher.respond(view.incident().id(), view.alert().recipientId(), parsed);
        String message = Messages.text(view.language(), "ack." + Responses.word(r.outcome()), Responses.wordArgs(r));
        return new AckResult(r.incident().id(), r.incident().status().wire(), message);
    }

    private static Action parse(String action) {
        if (action == null) throw Invalid.of("action", "invalid.required");
        return switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "accept" -> Action.ACCEPT;
            case "decline" -> Action.DECLINE;
            case "arrived" -> Action.ARRIVED;
            case "done" -> Action.DONE;
            default -> throw Invalid.of("action", "invalid.action");
        };
    }
}
