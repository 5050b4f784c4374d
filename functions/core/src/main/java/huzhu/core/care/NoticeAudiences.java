package huzhu.core.care;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PersonKind;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.Language;
import huzhu.core.sms.OptOutStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a notice's audience is now, one entry per phone. Whoever texted STOP is left out: they asked for no more
 * SMS (volunteers by their record, everyone by the opt-out the SMS function recorded).
 */
final class NoticeAudiences {
    private final DirectoryStore directory;
    private final OptOutStore optOuts;

    NoticeAudiences(DirectoryStore directory, OptOutStore optOuts) {
        this.directory = directory;
        this.optOuts = optOuts;
    }

    record Recipient(String phone, String name, PersonKind kind, String personId, String memberId,
            Language language) {

        NoticeDelivery delivery(String noticeId) {
            return NoticeDelivery.pending(noticeId, phone, name, kind, personId, memberId, language);
        }
    }

    List<Recipient> recipients(NoticeAudience audience) {
        Map<String, Recipient> byPhone = new LinkedHashMap<>();
        switch (audience.kind()) {
            case ALL_MEMBERS, UNIT -> {
                for (Member m : directory.members().all()) {
                    if (audience.kind() == AudienceKind.UNIT && !sameUnit(audience.unit(), m.unit())) continue;
                    byPhone.putIfAbsent(m.phone(), new Recipient(m.phone(), m.name(), PersonKind.MEMBER, m.id(), m.id(),
                            m.language()));
                }
            }
            case VOLUNTEERS -> {
                for (Volunteer v : directory.volunteers().all()) {
                    if (v.hasOptedOut()) continue;
                    byPhone.putIfAbsent(v.phone(), new Recipient(v.phone(), v.name(), PersonKind.VOLUNTEER, v.id(),
                            null, v.language()));
                }
            }
            case LEADERS -> {
                for (Leader l : directory.leaders().all()) {
                    byPhone.putIfAbsent(l.phone(), new Recipient(l.phone(), l.name(), PersonKind.LEADER, l.id(), null,
                            l.language()));
                }
            }
            case FAMILY_CONTACTS -> {
                for (Member m : directory.members().all()) {
                    for (FamilyContact c : m.familyContacts()) {
                        if (c.phone() == null) continue;
                        byPhone.putIfAbsent(c.phone(), new Recipient(c.phone(), c.name(), PersonKind.FAMILY, null,
                                m.id(), m.language()));
                    }
                }
            }
        }
        byPhone.keySet().removeIf(phone -> optOuts.optedOutAt(phone).isPresent());
        return new ArrayList<>(byPhone.values());
    }

    private static boolean sameUnit(String wanted, String unit) {
        return unit != null && wanted != null && unit.strip().equalsIgnoreCase(wanted.strip());
    }
}
