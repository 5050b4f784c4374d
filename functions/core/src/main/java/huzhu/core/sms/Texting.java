package huzhu.core.sms;

import huzhu.core.kernel.Language;
import java.util.Map;

/**
 * How the union texts people: the messenger, the composer that renders the catalogue under the union's signature,
 * and the union's own language (the reader's when it is not known, and the one the union keeps its records in).
 * Built once, in {@code Services}.
 */
public record Texting(Messenger messenger, SmsComposer composer, Language unionLanguage) {

    public RenderedSms render(Language reader, String template, Map<String, ?> values) {
        return composer.render(reader, template, values);
    }

    /** Renders {@code template} in the reader's language and sends it to {@code to}; {@code incidentId} may be null. */
    public SendResult send(String to, Language reader, String template, Map<String, ?> values, String incidentId) {
        return messenger.send(new OutboundSms(to, render(reader, template, values), incidentId));
    }
}
