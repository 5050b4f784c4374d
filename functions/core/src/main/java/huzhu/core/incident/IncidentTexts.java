package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.Member;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** A timeline entry, in the union's language and in every other (the console shows the reader's). */
    TimelineText timeline(String key, Map<String, ?> args) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language lang : Language.values()) texts.put(lang.wire(), Messages.text(lang, key, said(args, lang)));
        return new TimelineText(texts.get(config.defaultLanguage().wire()), texts);
    }

    /** A leaders' topic text, in the union's language. */
    String topic(String key, Map<String, ?> args) {
        Language lang = config.defaultLanguage();
        return Messages.text(lang, key, said(args, lang));
    }

    /**
     * An argument that is itself a text of the bundle (a channel's name, a level's), said in each reader's
     * language rather than as the wire word ("sms") or a bare number ("第0级").
     */
    record Phrase(String key, Map<String, ?> args) {
    }

    /** How people call an escalation level: the first round, then level 1, 2… (the leaders' levels). */
    static Phrase level(int level) {
        return level == 0 ? new Phrase("level.first", Map.of()) : new Phrase("level.n", Map.of("n", level));
    }

    static Phrase channel(Channel channel) {
        return new Phrase("channel." + channel.wire(), Map.of());
    }

    private static Map<String, ?> said(Map<String, ?> args, Language lang) {
        if (args.values().stream().noneMatch(Phrase.class::isInstance)) return args;
        Map<String, Object> out = new LinkedHashMap<>(args);
        out.replaceAll((name, v) -> v instanceof Phrase p ? Messages.text(lang, p.key(), p.args()) : v);
        return out;
    }

    /** A time of day as people in the union read it (China time). */
    String clockTime(Instant at) {
        return CLOCK_TIME.format(at);
    }

    /** The leaders' topic when their level is alerted. */
    String levelAlertedTopic(Incident incident, Member member) {
        Language lang = config.defaultLanguage();
        return topic("topic.alert", Map.of(
                "code", incident.code(), "level", level(incident.level()),
                "member", member == null ? Messages.text(lang, "reporter.unknown") : member.name(),
                "type", Messages.text(lang, "type." + incident.type().wire()),
                "message", orEmpty(incident.message())));
    }

    // ---------------------------------------------------------------- SMS

    /** The alert: what a volunteer needs first is the code and the link (whose page has everything). */
    RenderedSms alert(Incident incident, Member member, Alert alert) {
        Language lang = alert.language();
        Map<String, Object> args = new HashMap<>();
        args.put("code", incident.code());
        args.put("link", config.ackLink(incident.code(), incident.id(), alert.recipientId()));
        if (member == null) {
            Reporter r = incident.reporter();
            args.put("phone", r.phone() == null ? Messages.text(lang, "reporter.unknown") : r.phone());
            args.put("message", forRelay(lang, incident, orEmpty(incident.message())));
            return sms.render(lang, "alert.unverified", args);
        }
        args.put("message", orEmpty(incident.message()));
        args.put("reporter", reporterLabel(incident, member, lang));
        args.put("member", member.name());
        args.put("address", addressOf(incident, member));
        args.put("type", Messages.text(lang, "type." + incident.type().wire()));
        // the catalogue's order: the family's own words and names give way first, then the address
        return sms.render(lang, "alert", args);
    }

    /** The member hears that their family raised the alarm. */
    RenderedSms memberNotice(Member member, Incident incident) {
        return sms.render(member.language(), "memberNotice",
                Map.of("code", incident.code(), "message", orEmpty(incident.message())));
    }

    /** The responder who accepted: where to go and whom to call. */
    RenderedSms acceptedResponder(Alert mine, Incident incident, Member member) {
        String reporterPhone = incident.reporter().phone();
        return sms.render(mine.language(), Text.blank(reporterPhone) ? "accepted.responder.noPhone" : "accepted.responder",
                Map.of("code", incident.code(),
                        "address", member == null ? orEmpty(placeAddress(incident)) : addressOf(incident, member),
                        "reporterPhone", orEmpty(reporterPhone)));
    }

    /** Someone else accepted: a leader wants to know who took it; a volunteer only that they need not go. */
    RenderedSms takenByOther(Alert other, Incident incident, Alert mine) {
        return other.recipientKind() == RecipientKind.LEADER
                ? sms.render(other.language(), "accepted.leader", Map.of("code", incident.code(),
                        "name", mine.name(), "phone", mine.to()))
                : sms.render(other.language(), "standDown", Map.of("code", incident.code()));
    }

    /**
     * The family hears who is coming, and when if the responder said; someone we could not verify learns only that
     * help is coming (and when).
     */
    RenderedSms helpComing(Language lang, Incident incident, Alert responder, boolean stranger, Instant expectedAt,
            Instant now) {
        Map<String, Object> args = new HashMap<>();
        args.put("code", incident.code());
        if (expectedAt != null) {
            args.put("minutes", minutes(now, expectedAt));
            args.put("time", arrivalTime(expectedAt));
        }
        String eta = expectedAt == null ? "" : ".eta";
        if (stranger) return sms.render(lang, "accepted.unverified" + eta, args);
        args.put("name", responder.name());
        args.put("phone", responder.to());
        return sms.render(lang, "accepted.family" + eta, args);
    }

    /** The responder said later when they will be there: the family hears it (a stranger without the name). */
    RenderedSms expectedAt(Language lang, Incident incident, Responder responder, boolean stranger, Instant now) {
        return sms.render(lang, stranger ? "eta.unverified" : "eta.family", Map.of("code", incident.code(),
                "name", responder.name(), "minutes", minutes(now, responder.expectedAt()),
                "time", arrivalTime(responder.expectedAt())));
    }

    /** The responder hears that the family was told when to expect them. */
    RenderedSms expectedAtNoted(Alert to, Incident incident, Instant expectedAt) {
        return sms.render(to.language(), "eta.noted", Map.of("code", incident.code(),
                "time", arrivalTime(expectedAt)));
    }

    /** A reply not understood: the two answers that fit where its sender stands (1/0, or 2/9 once they took it). */
    RenderedSms question(Alert to, Incident incident) {
        return sms.render(to.language(), to.status() == AlertStatus.ACCEPTED ? "reply.question.responder"
                : "reply.question", Map.of("code", incident.code()));
    }

    /** A reply not understood, after the question was asked: kept for the officers. */
    RenderedSms replyNoted(Alert to, Incident incident) {
        return sms.render(to.language(), "reply.noted", Map.of("code", incident.code()));
    }

    /** Someone else took it: who. */
    RenderedSms alreadyTaken(Alert to, Incident incident, String name) {
        return sms.render(to.language(), "alreadyTaken", Map.of("code", incident.code(), "name", name));
    }

    /** Help words in a reporter's later message, while nobody has accepted: the officers hear them at once. */
    RenderedSms urgentToOfficer(Language lang, Incident incident, String text) {
        return sms.render(lang, "urgent.officer", Map.of("code", incident.code(),
                "text", forRelay(lang, incident, text)));
    }

    /** A reporter's texts beyond the cap are only kept: the officers hear it once. */
    RenderedSms relaysCappedToOfficer(Language lang, Incident incident) {
        return sms.render(lang, "relay.capped.officer", Map.of("code", incident.code()));
    }

    /** Any SMS of the incident path about this incident by its catalogue template, with the code and {@code args}. */
    RenderedSms about(Language lang, Incident incident, String template, Map<String, ?> args) {
        Map<String, Object> all = new HashMap<>(args);
        all.put("code", incident.code());
        return sms.render(lang, template, all);
    }

    /** An officer took it in hand at the console: the family hear who at the union has it. */
    RenderedSms officerTookOver(Language lang, Incident incident, String officer, boolean stranger) {
        return stranger
                ? sms.render(lang, "accepted.unverified", Map.of("code", incident.code()))
                : sms.render(lang, "officer.family", Map.of("name", officer, "code", incident.code()));
    }

    /** Someone still alerted when an officer took it in hand: no need to go. */
    RenderedSms standDownForOfficer(Alert to, Incident incident, String officer) {
        return sms.render(to.language(), "officer.standDown", Map.of("code", incident.code(), "name", officer));
    }

    /** Someone who had it, or was still alerted, when an officer handed it to {@code assigned}. */
    RenderedSms reassigned(Alert to, Incident incident, Alert assigned) {
        return sms.render(to.language(), "assign.standDown", Map.of("code", incident.code(), "name", assigned.name()));
    }

    /** The officer's own words to the family or the reporter, signed with the officer and the incident. */
    RenderedSms officerMessage(Language lang, Incident incident, String officer, String text) {
        return sms.render(lang, "officer.message", Map.of("name", officer, "code", incident.code(), "text", text));
    }

    RenderedSms closed(Alert to, Incident incident) {
        return sms.render(to.language(), "closed", Map.of("code", incident.code()));
    }

    RenderedSms cancelled(Alert to, Incident incident, String reason) {
        return sms.render(to.language(), "cancelled", Map.of("code", incident.code(), "reason", orEmpty(reason)));
    }

    /** A reporter's later message, passed on; help words in it make it urgent. */
    RenderedSms relay(Language lang, Incident incident, String text, boolean urgent) {
        return sms.render(lang, urgent ? "relay.urgent" : "relay", Map.of("code", incident.code(),
                "text", forRelay(lang, incident, text)));
    }

    /**
     * What of a reporter's words may go out from the union's number: all of a registered family's (but links,
     * which the catalogue takes out of every free text); of a number nobody registered, no phone numbers either —
     * our number must not carry a stranger's advertising or a number to call back. The timeline keeps the words
     * as written.
     */
    static String forRelay(Language lang, Incident incident, String text) {
        if (incident.reporter().verified() || text == null) return text;
        String s = LINK.matcher(text).replaceAll(Matcher.quoteReplacement(Messages.text(lang, "relay.removed.link")));
        return PHONE.matcher(s).replaceAll(Matcher.quoteReplacement(Messages.text(lang, "relay.removed.phone")));
    }

    /** A death in a member's family: what the union's leaders of every level are told at once. */
    RenderedSms bereavementLeader(Language lang, Incident incident, Member member, String who) {
        return sms.render(lang, "bereavement.leader", Map.of("code", incident.code(), "member", member.name(),
                "unit", orEmpty(member.unit()), "who", who, "message", orEmpty(incident.message())));
    }

    /** Nobody at any level accepted: the officers must act by hand. */
    RenderedSms exhausted(Language lang, Incident incident) {
        return sms.render(lang, "exhausted.officer", Map.of("code", incident.code()));
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
