package huzhu.aws.dynamo;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.directory.Volunteer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The directory: one {@link PersonRegistry} per kind, and the searches the emergency path needs, by index. */
final class Directory implements DirectoryStore {
    private final PersonRegistry<Member> members;
    private final PersonRegistry<Volunteer> volunteers;
    private final PersonRegistry<Leader> leaders;

    /** {@code triggerTokens} name each member's home city on their link: they are told after each change of a member. */
    Directory(Table table, Clock clock, TriggerTokens triggerTokens) {
        this.members = new PersonRegistry<>(table, DirectoryItems.MEMBERS, clock, triggerTokens::homeCityIs);
        this.volunteers = new PersonRegistry<>(table, DirectoryItems.VOLUNTEERS, clock);
        this.leaders = new PersonRegistry<>(table, DirectoryItems.LEADERS, clock);
    }

    @Override
    public Registry<Member> members() {
        return members;
    }

    @Override
    public Registry<Volunteer> volunteers() {
        return volunteers;
    }

    @Override
    public Registry<Leader> leaders() {
        return leaders;
    }

    @Override
    public List<PhoneLink> familyLinks(String e164) {
        return members.familyLinks(e164);
    }

    @Override
    public Optional<PhoneLink> memberPhoneLink(String e164) {
        return members.phoneLink(e164);
    }

    @Override
    public List<Member> membersLinkedBy(String e164, List<PhoneLink> links) {
        return members.linkedBy(e164, links);
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        if (city == null || city.isEmpty()) return List.of();
        return volunteers.byIndex(Keys.volunteersInCity(city));
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return leaders.byIndex(Keys.leadersAtLevel(level));
    }
}
