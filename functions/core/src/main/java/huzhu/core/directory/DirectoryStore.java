package huzhu.core.directory;

import java.util.List;

/** The union's people: one registry per kind, and the few searches the emergency path needs. */
public interface DirectoryStore {
    Registry<Member> members();

    Registry<Volunteer> volunteers();

    Registry<Leader> leaders();

    /** Members who list this phone among their family contacts. */
    List<Member> membersWithFamilyPhone(String e164);

    /** Volunteers whose area is in this city, on duty or not. */
    List<Volunteer> volunteersInCity(String city);

    List<Leader> leadersAtLevel(int level);
}
