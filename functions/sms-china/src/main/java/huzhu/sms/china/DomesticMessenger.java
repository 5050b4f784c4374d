package huzhu.sms.china;

import huzhu.core.kernel.Language;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Messenger} of a domestic provider: each catalogue SMS goes as the provider's form of its template
 * (the link-free alert, variables cut to the provider's limits, a mainland number in national form), by the id
 * the union registered it under, with its variables. A language the union registered no template for goes in
 * Chinese; a template with no form for the provider (the link-only SMS) is skipped; one never registered fails
 * for good, so the timeline says so and the sweep does not retry it.
 */
public final class DomesticMessenger implements Messenger {
    /** What went out, for whoever keeps a record (the local stack's outbox). */
    public interface Listener {
        void sent(OutboundSms asked, RenderedSms form, String templateId, SendResult result);

        Listener NONE = (asked, form, templateId, result) -> { };
    }

    private final SmsProvider provider;
    private final TemplateSender sender;
    private final SmsComposer composer;
    private final TemplateIds ids;
    private final Listener listener;

    public DomesticMessenger(SmsProvider provider, String signName, TemplateSender sender, TemplateIds ids,
            Listener listener) {
        this.provider = provider;
        this.sender = sender;
        this.composer = SmsComposer.forProvider(provider, signName);
        this.ids = ids;
        this.listener = listener;
    }

    private record Prepared(OutboundSms asked, RenderedSms form, TemplateSms sms, SendResult outcome) {
    }

    @Override
    public SendResult send(OutboundSms sms) {
        return sendAll(List.of(sms)).get(0);
    }

    @Override
    public List<SendResult> sendAll(List<OutboundSms> messages) {
        List<Prepared> prepared = new ArrayList<>(messages.size());
        List<TemplateSms> toSend = new ArrayList<>();
        for (OutboundSms m : messages) {
            Prepared p = prepare(m);
            prepared.add(p);
            if (p.sms() != null) toSend.add(p.sms());
        }
        List<ProviderResult> sent = toSend.isEmpty() ? List.of() : sender.sendAll(toSend);
        List<SendResult> out = new ArrayList<>(messages.size());
        int i = 0;
        for (Prepared p : prepared) {
            SendResult r = p.outcome();
            if (p.sms() != null) {
                ProviderResult pr = sent.get(i++);
                String sentAs = p.form().templateName().equals(p.asked().sms().templateName()) ? null
                        : p.form().templateName();
                r = pr.ok() ? SendResult.sentAs(pr.messageId(), sentAs) : SendResult.failed(pr.failureReason(), pr.permanent());
            }
            listener.sent(p.asked(), p.form(), p.sms() == null ? null : p.sms().templateId(), r);
            out.add(r);
        }
        return out;
    }

    private Prepared prepare(OutboundSms m) {
        Optional<RenderedSms> form = composer.adapt(m.sms());
        if (form.isEmpty()) {
            return new Prepared(m, null, null, SendResult.skipped(provider.wire() + " has no form of "
                    + m.sms().templateName()));
        }
        RenderedSms f = form.get();
        Optional<String> id = ids.id(f.templateName(), f.language());
        if (id.isEmpty() && f.language() != Language.ZH_CN) {
            f = composer.adapt(m.sms(), Language.ZH_CN).orElseThrow();
            id = ids.id(f.templateName(), Language.ZH_CN);
        }
        if (id.isEmpty()) {
            // in the shape of a failed send, so the stack's SMS failure alarm counts it
            JsonLog.error("sms.send", null, "action", "sms.send", "provider", provider.wire(), "incidentId",
                    m.incidentId(), "template", f.templateName(), "outcome", "failed", "reason", "template-not-registered",
                    "permanent", true);
            return new Prepared(m, f, null, SendResult.failed("template-not-registered (" + f.templateName() + ")",
                    true));
        }
        return new Prepared(m, f, new TemplateSms(m.to(), id.get(), f.variables(), m.incidentId(), m.incidentId()), null);
    }
}
