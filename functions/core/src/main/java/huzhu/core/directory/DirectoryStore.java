package huzhu.core.directory;

import java.util.List;
import java.util.Optional;

/** The union's people: one registry per kind, and the few searches the emergency path needs. */
public interface DirectoryStore {
    Registry<Member> members();

    Registry<Volunteer> volunteers();

    Registry<Leader> leaders();

    /** Members who list this phone among their family contacts. */
    default List<Member> membersWithFamilyPhone(String e164) {
        return membersLinkedBy(e164, familyLinks(e164));
    }

    /**
     * The first half of {@link #membersWithFamilyPhone}, one round trip: which members list this phone and where
     * they live, by the phone's links. What depends only on the city can start here, before the members are read.
     */
    List<PhoneLink> familyLinks(String e164);

    /**
     * The link of a member's own phone, in one round trip, before the member is read (the first half of
     * {@code members().byPhone}): what depends only on where the member lives can start here. Check the member read
     * by its id still has the phone.
     */
    Optional<PhoneLink> memberPhoneLink(String e164);

    /** The second half of {@link #membersWithFamilyPhone}: the members {@code links} name that list {@code e164}. */
    List<Member> membersLinkedBy(String e164, List<PhoneLink> links);

    /** Volunteers whose area is in this city, on duty or not. */
    List<Volunteer> volunteersInCity(String city);

    List<Leader> leadersAtLevel(int level);
}
