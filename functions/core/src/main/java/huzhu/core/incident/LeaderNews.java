package huzhu.core.incident;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.log.JsonLog;
import java.util.Objects;

/**
 * What the union's leaders hear beside their alert SMS: the summary on their level's topic (e-mail, chat) when
 * their level is alerted, the news of the incidents they were alerted to (accepted, resolved, cancelled), and the
 * officers' SMS when the policy ran out. A topic that fails is logged and stops nothing.
 */
final class LeaderNews {
    private final LeaderAnnouncements announcements;
    private final DirectoryStore directory;
    private final Outbound out;
    private final IncidentTexts texts;

    LeaderNews(LeaderAnnouncements announcements, DirectoryStore directory, Outbound out, IncidentTexts texts) {
        this.announcements = announcements;
        this.directory = directory;
        this.out = out;
        this.texts = texts;
    }

    /** When a leaders' level is alerted, its topic gets the summary too. */
    void levelAlerted(Incident incident, Member member) {
        if (incident.surge()) return; // a surge's leaders hear of its incidents together, in the district's summary
        PolicyLevel step = incident.policy().level(incident.level());
        if (step.audience() != Notify.LEADERS || step.leaderLevel() == null) return;
        announce(step.leaderLevel(), incident, texts.levelAlertedTopic(incident, member));
    }

    /** The accept/resolve/cancel news for every leaders' level this incident reached. */
    void toLevelsReached(Incident incident, String text) {
        incident.alerts().stream().filter(a -> a.recipientKind() == RecipientKind.LEADER)
                .map(a -> incident.policy().level(a.level()).leaderLevel())
                .filter(Objects::nonNull).distinct()
                .forEach(leaderLevel -> announce(leaderLevel, incident, text));
    }

    /** Nobody at any level accepted: the officers (level 1) must act by hand. */
    void exhausted(Incident incident) {
        for (Leader officer : directory.leadersAtLevel(1)) {
            out.send(officer.phone(), incident.id(), texts.exhausted(officer.language(), incident));
        }
    }

    private void announce(int leaderLevel, Incident incident, String text) {
        try {
            announcements.announce(leaderLevel, "huzhu " + incident.code(), text);
        } catch (RuntimeException e) {
            JsonLog.error("announce.failed", e, "incidentId", incident.id(), "leaderLevel", leaderLevel);
        }
    }
}
