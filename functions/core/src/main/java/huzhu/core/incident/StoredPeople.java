package huzhu.core.incident;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.ReadAhead.Pending;
import java.time.Instant;
import java.util.List;

/**
 * Who the planner may alert, read from the stores; what the caller has just read (the member, the active
 * incidents) is used instead of reading it again: each read is a round trip before the first alert.
 */
record StoredPeople(DirectoryStore directory, IncidentStore incidents, SettingsStore settings, Member knownMember,
        List<Incident> knownActive, Pending<List<Volunteer>> knownMembersCity) implements LevelPlanner.People {

    static StoredPeople of(DirectoryStore directory, IncidentStore incidents, SettingsStore settings) {
        return new StoredPeople(directory, incidents, settings, null, null, null);
    }

    /** Read only when a leaders' level is alerted: never a round trip before the neighbours' first alerts. */
    @Override
    public List<Leader> onDuty(List<Leader> leaders, Instant at) {
        DutyRoster roster = settings.dutyRoster().orElse(DutyRoster.EMPTY);
        return leaders.stream().filter(l -> roster.onDuty(l.id(), at)).toList();
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return directory.leadersAtLevel(level);
    }

    @Override
    public Member member(String memberId) {
        if (knownMember != null && knownMember.id().equals(memberId)) return knownMember;
        return directory.members().get(memberId).orElse(null);
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        // read ahead for the known member's city (Dispatcher.OpeningReads)
        if (city != null && knownMembersCity != null && knownMember != null
                && city.equals(knownMember.homeCity())) {
            return knownMembersCity.get();
        }
        return directory.volunteersInCity(city);
    }

    @Override
    public List<Incident> active() {
        return knownActive != null ? knownActive : incidents.active();
    }
}
