package huzhu.core.directory;

import java.util.List;
import java.util.Optional;

public interface DirectoryStore {
    Registry<Member> members();

    Registry<Volunteer> volunteers();

    Registry<Leader> leaders();

    /** Members who list this phone among their family contacts. */
    List<Member> membersWithFamilyPhone(String e164);

    /** Volunteers whose area is in this city, on duty or not. */
    List<Volunteer> volunteersInCity(String city);

    List<Leader> leadersAtLevel(int level);

    /** Binds a trigger-token hash to a member, replacing (and invalidating) the member's previous one. */
    void bindTriggerToken(String memberId, String tokenHash);

    Optional<String> memberIdForTriggerToken(String tokenHash);

    /** Whether the member has a personal trigger token now (only its hash is kept: the link itself is not). */
    boolean hasTriggerToken(String memberId);

    /** Forgets the member's trigger token (e.g. when the member is deleted). */
    void unbindTriggerToken(String memberId);
}
