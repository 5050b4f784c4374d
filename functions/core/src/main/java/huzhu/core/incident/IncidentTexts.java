package huzhu.core.incident;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.Member;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What the incident path says: every SMS it sends (each from its message key, in the reader's language) and
 * the officers' timeline and topic texts (in the union's language). The only place these texts are put together.
 */
final class IncidentTexts {
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

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
    RenderedSms alert(Incident incident, Member member, Alert alert) {
        Language lang = alert.language();
        Map<String, Object> args = new HashMap<>();
        args.put("code", incident.code());
        args.put("link", config.ackLink(incident.code(), incident.id(), alert.recipientId()));
        args.put("message", orEmpty(incident.message()));
        if (member == null) {
            Reporter r = incident.reporter();
            args.put("phone", r.phone() == null ? Messages.text(lang, "reporter.unknown") : r.phone());
            return sms.render(lang, "alert.unverified", args);
        }
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

    /** The family hears who is coming; someone we could not verify learns only that help is coming. */
    RenderedSms helpComing(Language lang, Incident incident, Alert responder, boolean stranger) {
        return stranger
                ? sms.render(lang, "accepted.unverified", Map.of("code", incident.code()))
                : sms.render(lang, "accepted.family", Map.of(
                        "name", responder.name(), "phone", responder.to(), "code", incident.code()));
    }

    RenderedSms closed(Alert to, Incident incident) {
        return sms.render(to.language(), "closed", Map.of("code", incident.code()));
    }

    RenderedSms cancelled(Alert to, Incident incident, String reason) {
        return sms.render(to.language(), "cancelled", Map.of("code", incident.code(), "reason", orEmpty(reason)));
    }

    /** A reporter's later message, passed on. */
    RenderedSms relay(Language lang, Incident incident, String text) {
        return sms.render(lang, "relay", Map.of("code", incident.code(), "text", text));
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
