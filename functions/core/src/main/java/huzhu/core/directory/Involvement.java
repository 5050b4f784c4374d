package huzhu.core.directory;

import java.util.List;

/**
 * Who the emergencies going on now depend on, as far as the directory must know: nobody an active incident
 * needs may be deleted from under it (a responder would be left with an alert naming no address or phone).
 * Answers are the incidents' codes, for the refusal to name them; empty when nothing active depends on them.
 */
public interface Involvement {
    Involvement NONE = new Involvement() {
        @Override
        public List<String> activeIncidentsOfMember(String memberId) {
            return List.of();
        }

        @Override
        public List<String> activeEmergenciesOfMember(String memberId) {
            return List.of();
        }

        @Override
        public List<String> activeIncidentsNeeding(String personId) {
            return List.of();
        }
    };

    /** The active incidents about this member (their family contacts talk to the responders through them). */
    List<String> activeIncidentsOfMember(String memberId);

    /**
     * The active emergencies about this member, whose reporters the responders may call: not a death in the family
     * the union is helping with (after one, removing the deceased from the family contacts is expected).
     */
    List<String> activeEmergenciesOfMember(String memberId);

    /** The active incidents that alerted this volunteer or leader and still wait for their answer, or that they took. */
    List<String> activeIncidentsNeeding(String personId);
}
