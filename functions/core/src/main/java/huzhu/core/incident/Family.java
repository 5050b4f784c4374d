package huzhu.core.incident;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.kernel.Language;
import huzhu.core.sms.RenderedSms;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whom the incident path tells about their own emergency (someone is coming, an officer has it): the reporter,
 * unless an officer opened it at the console, and the member, each once. Someone we could not verify learns
 * that help is coming, never who (a name, a phone) or anything of the member.
 */
final class Family {
    /** The SMS for one of them, in their language; {@code stranger}: a reporter we could not verify. */
    interface Says {
        RenderedSms text(Language language, boolean stranger);
    }

    private final DirectoryStore directory;
    private final Outbound out;

    Family(DirectoryStore directory, Outbound out) {
        this.directory = directory;
        this.out = out;
    }

    void tell(Incident inc, Says says) {
        Member member = memberOf(inc);
        Map<String, Language> audience = new LinkedHashMap<>();
        if (inc.reporter().phone() != null && inc.reporter().channel() != Channel.CONSOLE) {
            audience.put(inc.reporter().phone(), inc.language());
        }
        if (member != null) audience.putIfAbsent(member.phone(), member.language());
        for (Map.Entry<String, Language> e : audience.entrySet()) {
            boolean stranger = !inc.reporter().verified() && e.getKey().equals(inc.reporter().phone())
                    && (member == null || !e.getKey().equals(member.phone()));
            boolean onRecord = member != null && e.getKey().equals(member.phone()) || inc.reporter().verified();
            if (onRecord) out.sendOnRecord(e.getKey(), inc.id(), says.text(e.getValue(), stranger));
            else out.send(e.getKey(), inc.id(), says.text(e.getValue(), stranger));
        }
    }

    Member memberOf(Incident incident) {
        return incident.memberId() == null ? null : directory.members().get(incident.memberId()).orElse(null);
    }
}
