package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.Member;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import huzhu.core.sms.SmsComposer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the incident path says: every SMS it sends (each from its message key, in the reader's language) and
 * the officers' timeline and topic texts (in the union's language). The only place these texts are put together.
 */
final class IncidentTexts {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(CHINA);
    /** When someone will be there, as the family reads it: Beijing time, to the minute. */
    private static final DateTimeFormatter ARRIVAL_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(CHINA);
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+"
            + "|\\b[a-z0-9-]+(?:[.。][a-z0-9-]+)*[.。](?:com|cn|net|org|cc|top|xyz|info|io|me|co|vip|club|site|online"
            + "|link|ly|tk|shop|app|icu|ink|fun|wang|xin|ren|pw|biz|tv|hk|tw|us|uk|ru)\\b(?:/\\S*)?");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s-]?\\d){6,}");

    private final ServiceConfig config;
    private final SmsComposer sms;

    IncidentTexts(ServiceConfig config) {
        this.config = config;
        this.sms = new SmsComposer(config.smsSignature());
    }

    // ---------------------------------------------------------------- for officers

    /** A timeline entry or topic text, in the union's language. */
    String timeline(String key, Map<String, ?> args) {
        return Messages.text(config.defaultLanguage(), key, args);
    }

    /** A time of day as people in the union read it (China time). */
    String clockTime(Instant at) {
        return CLOCK_TIME.format(at);
    }

    /** The leaders' topic when their level is alerted. */
    String levelAlertedTopic(Incident incident, Member member) {
        Language lang = config.defaultLanguage();
        return timeline("topic.alert", Map.of(
                "code", incident.code(), "level", incident.level(),
                "member", member == null ? Messages.text(lang, "reporter.unknown") : member.name(),
                "type", Messages.text(lang, "type." + incident.type().wire()),
                "message", orEmpty(incident.message())));
    }

    // ---------------------------------------------------------------- SMS

    /** The alert: what a volunteer needs first is the code and the link (whose page has everything). */
    String alert(Incident incident, Member member, Alert alert) {
        Language lang = alert.language();
        Map<String, Object> args = new HashMap<>();
        args.put("code", incident.code());
        args.put("link", config.ackLink(incident.code(), incident.id(), alert.recipientId()));
        args.put("message", orEmpty(incident.message()));
        args.put("reporter", reporterLabel(incident, member, lang));
        if (member == null) {
            args.put("message", forRelay(lang, incident, orEmpty(incident.message())));
            return sms.compose(lang, "sms.alert.unverified", args, List.of("message"));
        }
        args.put("member", member.name());
        args.put("address", addressOf(incident, member));
        args.put("type", Messages.text(lang, "type." + incident.type().wire()));
        // then the kind of emergency and the address; the family's own words and names give way first
        return sms.compose(lang, "sms.alert", args, List.of("reporter", "message", "address", "member"));
    }

    /** The member hears that their family raised the alarm. */
    String memberNotice(Member member, Incident incident) {
        return sms.compose(member.language(), "sms.memberNotice",
                Map.of("code", incident.code(), "message", orEmpty(incident.message())), List.of("message"));
    }

    /** The responder who accepted: where to go and whom to call. */
    String acceptedResponder(Alert mine, Incident incident, Member member) {
        return sms.compose(mine.language(), "sms.accepted.responder", Map.of(
                "code", incident.code(),
                "address", member == null ? orEmpty(placeAddress(incident)) : addressOf(incident, member),
                "reporterPhone", orEmpty(incident.reporter().phone())), List.of("address"));
    }

    /** Someone else accepted: a leader wants to know who took it; a volunteer only that they need not go. */
    String takenByOther(Alert other, Incident incident, Alert mine) {
        return other.recipientKind() == RecipientKind.LEADER
                ? sms.compose(other.language(), "sms.accepted.leader", Map.of("code", incident.code(),
                        "name", mine.name(), "phone", mine.to()), List.of("name"))
                : sms.compose(other.language(), "sms.standDown", Map.of("code", incident.code()), List.of());
    }

    /**
     * The family hears who is coming, and when if the responder said; someone we could not verify learns only that
     * help is coming (and when).
     */
    String helpComing(Language lang, Incident incident, Alert responder, boolean stranger, Instant expectedAt,
            Instant now) {
        Map<String, Object> args = new HashMap<>();
        args.put("code", incident.code());
        if (expectedAt != null) {
            args.put("minutes", minutes(now, expectedAt));
            args.put("time", arrivalTime(expectedAt));
        }
        String eta = expectedAt == null ? "" : ".eta";
        if (stranger) return sms.compose(lang, "sms.accepted.unverified" + eta, args, List.of());
        args.put("name", responder.name());
        args.put("phone", responder.to());
        return sms.compose(lang, "sms.accepted.family" + eta, args, List.of("name"));
    }

    /** The responder said later when they will be there: the family hears it (a stranger without the name). */
    String expectedAt(Language lang, Incident incident, Responder responder, boolean stranger, Instant now) {
        Map<String, Object> args = Map.of("code", incident.code(), "name", responder.name(),
                "minutes", minutes(now, responder.expectedAt()), "time", arrivalTime(responder.expectedAt()));
        return sms.compose(lang, stranger ? "sms.eta.unverified" : "sms.eta.family", args, List.of("name"));
    }

    /** The responder hears that the family was told when to expect them. */
    String expectedAtNoted(Alert to, Incident incident, Instant expectedAt) {
        return sms.compose(to.language(), "sms.eta.noted", Map.of("code", incident.code(),
                "time", arrivalTime(expectedAt)), List.of());
    }

    /** A reply not understood: the two answers that fit where its sender stands (1/0, or 2/9 once they took it). */
    String question(Alert to, Incident incident) {
        String key = to.status() == AlertStatus.ACCEPTED ? "sms.reply.question.responder" : "sms.reply.question";
        return sms.compose(to.language(), key, Map.of("code", incident.code()), List.of());
    }

    /** A reply not understood, after the question was asked: kept for the officers. */
    String replyNoted(Alert to, Incident incident) {
        return sms.compose(to.language(), "sms.reply.noted", Map.of("code", incident.code()), List.of());
    }

    /** Someone else took it: who. */
    String alreadyTaken(Alert to, Incident incident, String name) {
        return sms.compose(to.language(), "sms.alreadyTaken", Map.of("code", incident.code(), "name", name),
                List.of("name"));
    }

    /** Help words in a reporter's later message, while nobody has accepted: the officers hear them at once. */
    String urgentToOfficer(Language lang, Incident incident, String text) {
        return sms.compose(lang, "sms.urgent.officer", Map.of("code", incident.code(),
                "text", forRelay(lang, incident, text)), List.of("text"));
    }

    /** A reporter's texts beyond the cap are only kept: the officers hear it once. */
    String relaysCappedToOfficer(Language lang, Incident incident, int max) {
        return sms.compose(lang, "sms.relay.capped.officer", Map.of("code", incident.code(), "max", max), List.of());
    }

    /** Any SMS of the incident path about this incident by its key, with the code and the given arguments. */
    String about(Language lang, Incident incident, String key, Map<String, ?> args) {
        Map<String, Object> all = new HashMap<>(args);
        all.put("code", incident.code());
        return sms.compose(lang, key, all, List.of("name", "text", "reason"));
    }

    String closed(Alert to, Incident incident) {
        return sms.compose(to.language(), "sms.closed", Map.of("code", incident.code()), List.of());
    }

    String cancelled(Alert to, Incident incident, String reason) {
        return sms.compose(to.language(), "sms.cancelled", Map.of("code", incident.code(), "reason", orEmpty(reason)),
                List.of("reason"));
    }

    /** A reporter's later message, passed on; help words in it make it urgent. */
    String relay(Language lang, Incident incident, String text, boolean urgent) {
        return sms.compose(lang, urgent ? "sms.relay.urgent" : "sms.relay", Map.of("code", incident.code(),
                "text", forRelay(lang, incident, text)), List.of("text"));
    }

    /**
     * What of a reporter's words may go out from the union's number: all of a registered family's; of a number
     * nobody registered, everything but links and phone numbers (our number must not carry a stranger's
     * advertising or a number to call back). The timeline keeps the words as written.
     */
    static String forRelay(Language lang, Incident incident, String text) {
        if (incident.reporter().verified() || text == null) return text;
        String s = LINK.matcher(text).replaceAll(Matcher.quoteReplacement(Messages.text(lang, "relay.removed.link")));
        return PHONE.matcher(s).replaceAll(Matcher.quoteReplacement(Messages.text(lang, "relay.removed.phone")));
    }

    /** Nobody at any level accepted: the officers must act by hand. */
    String exhausted(Language lang, Incident incident) {
        return sms.compose(lang, "sms.exhausted.officer", Map.of("code", incident.code()), List.of());
    }

    // ---------------------------------------------------------------- pieces

    static String arrivalTime(Instant at) {
        return ARRIVAL_TIME.format(at);
    }

    private static long minutes(Instant now, Instant expectedAt) {
        return Math.max(1, Duration.between(now, expectedAt).plusSeconds(30).toMinutes());
    }

    private static String reporterLabel(Incident incident, Member member, Language lang) {
        Reporter r = incident.reporter();
        if (r.channel() == Channel.CONSOLE) return Messages.text(lang, "reporter.console");
        if (member == null) return r.phone() == null ? Messages.text(lang, "reporter.unknown") : r.phone();
        if (r.phone() != null && r.phone().equals(member.phone())) return Messages.text(lang, "reporter.member");
        String relation = member.familyContacts().stream().filter(c -> c.phone().equals(r.phone()))
                .map(c -> orEmpty(c.relation())).findFirst().orElse("");
        String name = r.name() != null ? r.name() : "";
        String label = Messages.text(lang, "reporter.family", Map.of("relation", relation, "name", name)).trim();
        // no phone here: the ack page shows it, and the responder gets it when they accept
        return label.isEmpty() || label.equals("()") ? Messages.text(lang, "reporter.unknown") : label;
    }

    private static String addressOf(Incident incident, Member member) {
        if (incident.location() != null && !Text.blank(incident.location().address())) {
            return incident.location().address();
        }
        if (!Text.blank(member.homeAddress())) return member.homeAddress();
        if (member.homeArea() != null) return orEmpty(member.homeArea().city()) + orEmpty(member.homeArea().district());
        return "";
    }

    private static String placeAddress(Incident incident) {
        return incident.location() == null ? null : incident.location().address();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
