package huzhu.core.incident;

import huzhu.core.directory.Involvement;
import java.util.List;

/** {@link Involvement} read from the active incidents. */
public final class ActiveInvolvement implements Involvement {
    private final IncidentStore incidents;

    public ActiveInvolvement(IncidentStore incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<String> activeIncidentsOfMember(String memberId) {
        return incidents.active().stream().filter(i -> memberId.equals(i.memberId())).map(Incident::code).toList();
    }

    @Override
    public List<String> activeEmergenciesOfMember(String memberId) {
        return incidents.active().stream()
                .filter(i -> memberId.equals(i.memberId()) && i.type() != IncidentType.BEREAVEMENT)
                .map(Incident::code).toList();
    }

    @Override
    public List<String> activeIncidentsNeeding(String personId) {
        return incidents.active().stream().filter(i -> i.needs(personId)).map(Incident::code).toList();
    }
}
