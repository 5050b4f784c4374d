package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.kernel.Language;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SMS a notice goes out as, per language, and the public page it links to when it does not fit. */
final class NoticeSms {
    private final ServiceConfig config;
    private final SmsComposer sms;

    NoticeSms(ServiceConfig config) {
        this.config = config;
        this.sms = new SmsComposer(config.smsSignature());
    }

    record Body(RenderedSms sms, boolean link) {
    }

    /** The whole notice when it fits in two SMS segments uncut; else the start of it and the link to the notice page. */
    Body body(Language lang, String title, String text, String id) {
        RenderedSms whole = sms.render(lang, "notice", Map.of("title", title, "text", text));
        if (!whole.shortened()) return new Body(whole, false);
        return new Body(sms.render(lang, "notice.link", Map.of("title", title, "text", text, "link", pageUrl(id))),
                true);
    }

    /** The SMS of a notice per language; rendering is deterministic, so a resumed send sends the very same texts. */
    Map<Language, RenderedSms> bodies(Notice notice) {
        Map<Language, RenderedSms> out = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) out.put(lang, body(lang, notice.title(), notice.text(), notice.id()).sms());
        return out;
    }

    /** The notice turns sending; its SMS texts are recorded on it, as sent. */
    Notice starting(Notice current, Instant now) {
        Map<String, String> bodies = new LinkedHashMap<>();
        boolean link = false;
        for (Language lang : Language.values()) {
            Body body = body(lang, current.title(), current.text(), current.id());
            bodies.put(lang.wire(), body.sms().text());
            link |= body.link;
        }
        return current.edit().startSending(bodies, link, now).build();
    }

    /** The thanks a recipient gets for their first reply to a notice. */
    RenderedSms replied(Language lang) {
        return sms.render(lang, "notice.replied", Map.of());
    }

    /** To a reply that might be an emergency: text 求助 if it is one, 120 if a life is at risk. */
    RenderedSms askIfEmergency(Language lang) {
        return sms.render(lang, "notice.askIfEmergency", Map.of());
    }

    String pageUrl(String id) {
        return config.publicBaseUrl() + "/v1/notices/" + id + "/page";
    }
}
