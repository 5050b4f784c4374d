package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsLength;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SMS a notice goes out as, per language, and the public page it links to when it does not fit. */
final class NoticeSms {
    private final ServiceConfig config;
    private final SmsComposer sms;

    NoticeSms(ServiceConfig config) {
        this.config = config;
        this.sms = new SmsComposer(config.smsSignature());
    }

    record Body(String text, boolean link) {
    }

    /** The whole notice when it fits in two SMS segments; else the start of it and the link to the notice page. */
    Body body(Language lang, String title, String text, String id) {
        String whole = sms.compose(lang, "sms.notice", Map.of("title", title, "text", text), List.of());
        if (SmsLength.fits(whole, SmsComposer.MAX_SEGMENTS)) return new Body(whole, false);
        return new Body(sms.compose(lang, "sms.notice.link", Map.of("title", title, "text", text,
                "link", pageUrl(id)), List.of("text", "title")), true);
    }

    /** The notice turns sending; its SMS texts are fixed now, so a resumed send uses the very same ones. */
    Notice starting(Notice current, Instant now) {
        Map<String, String> bodies = new LinkedHashMap<>();
        boolean link = false;
        for (Language lang : Language.values()) {
            Body body = body(lang, current.title(), current.text(), current.id());
            bodies.put(lang.wire(), body.text);
            link |= body.link;
        }
        return current.edit().startSending(bodies, link, now).build();
    }

    /** The thanks a recipient gets for their first reply to a notice. */
    String replied(Language lang) {
        return sms.compose(lang, "sms.notice.replied", Map.of(), List.of());
    }

    /** To a reply that might be an emergency: text 求助 if it is one, 120 if a life is at risk. */
    String askIfEmergency(Language lang) {
        return sms.compose(lang, "sms.notice.askIfEmergency", Map.of(), List.of());
    }

    String pageUrl(String id) {
        return config.publicBaseUrl() + "/v1/notices/" + id + "/page";
    }
}
