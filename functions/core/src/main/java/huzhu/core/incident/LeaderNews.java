package huzhu.core.incident;

import huzhu.core.directory.Area;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.group.GroupFact;
import huzhu.core.kernel.Text;
import huzhu.core.log.JsonLog;
import java.time.Duration;
import java.util.Objects;

/**
 * What the union hears of its incidents beside the SMS: the leaders' level summary on their level's topic (e-mail,
 * chat) when their level is alerted, the news of the incidents they were alerted to (accepted, resolved, cancelled),
 * the officers' SMS when the policy ran out, and the plain facts for the union's group chats (opened, accepted or
 * taken in hand by an officer after so long, escalated, resolved, cancelled; the leaders' summary). A topic or a group that fails is logged and stops
 * nothing; a death in the family ({@link IncidentType#BEREAVEMENT}) is no help request, and its news is its own. The
 * incidents of a district in surge are told together, in the district's lines, never one by one.
 */
final class LeaderNews {
    private final LeaderAnnouncements announcements;
    private final GroupAnnouncements group;
    private final DirectoryStore directory;
    private final Outbound out;
    private final IncidentTexts texts;

    LeaderNews(LeaderAnnouncements announcements, GroupAnnouncements group, DirectoryStore directory, Outbound out,
            IncidentTexts texts) {
        this.announcements = announcements;
        this.group = group;
        this.directory = directory;
        this.out = out;
        this.texts = texts;
    }

    /** When a leaders' level is alerted, its topic gets the summary too, and so does a leaders' group. */
    void levelAlerted(Incident incident, Member member) {
        if (incident.surge()) return; // a surge's leaders hear of its incidents together, in the district's summary
        PolicyLevel step = incident.policy().level(incident.level());
        if (step.audience() != Notify.LEADERS || step.leaderLevel() == null) return;
        announce(step.leaderLevel(), incident, texts.levelAlertedTopic(incident, member));
        tellGroup(incident, new GroupFact.LeadersAlerted(incident.id(), incident.code(), district(incident, member),
                incident.type().wire(), step.leaderLevel(),
                Duration.between(incident.createdAt(), incident.alerts().stream()
                        .filter(a -> a.level() == incident.level() && a.sentAt() != null)
                        .map(Alert::sentAt).max(Comparable::compareTo).orElse(incident.createdAt()))));
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
            out.sendOnRecord(officer.phone(), incident.id(), texts.exhausted(officer.language(), incident));
        }
    }

    // ---------------------------------------------------------------- the union's groups

    void opened(Incident incident, Member member) {
        tellGroup(incident, new GroupFact.IncidentOpened(incident.id(), incident.code(), district(incident, member)));
    }

    /** The first accept, after the SMS it caused went out. */
    void accepted(Incident incident, Member member) {
        Duration took = Duration.between(incident.createdAt(), incident.responders().isEmpty()
                ? incident.createdAt() : incident.responders().get(0).acceptedAt());
        tellGroup(incident, new GroupFact.IncidentAccepted(incident.id(), incident.code(), district(incident, member),
                took));
    }

    /** An officer took it in hand before anyone accepted, after the SMS it caused went out. */
    void takenInHand(Incident incident) {
        Duration took = Duration.between(incident.createdAt(), incident.acknowledgedAt() == null
                ? incident.createdAt() : incident.acknowledgedAt());
        tellGroup(incident, new GroupFact.IncidentTakenInHand(incident.id(), incident.code(), district(incident, null),
                took));
    }

    void escalated(Incident incident) {
        tellGroup(incident, new GroupFact.IncidentEscalated(incident.id(), incident.code(), district(incident, null),
                incident.level()));
    }

    void resolved(Incident incident) {
        tellGroup(incident, new GroupFact.IncidentResolved(incident.id(), incident.code(), district(incident, null)));
    }

    void cancelled(Incident incident) {
        tellGroup(incident, new GroupFact.IncidentCancelled(incident.id(), incident.code(), district(incident, null)));
    }

    /** A death in the family: the leaders' group hears of it (never the work group's incident lines). */
    void bereavement(Incident incident, Member member) {
        try {
            group.announce(new GroupFact.BereavementRecorded(incident.id(), incident.code(), district(incident, member)));
        } catch (RuntimeException e) {
            JsonLog.error("group.announceFailed", e, "incidentId", incident.id());
        }
    }

    /** A district's surge as the groups hear it: its start, one line per summary interval, its end. */
    void surge(Area area, GroupFact.DistrictSurge.Stage stage, int waiting, int handled, long longestWaitMinutes) {
        try {
            group.announce(new GroupFact.DistrictSurge(Surges.key(area), districtOf(area), stage, waiting, handled,
                    longestWaitMinutes));
        } catch (RuntimeException e) {
            JsonLog.error("group.announceFailed", e, "city", area.city(), "district", area.district());
        }
    }

    /** An incident of a district in surge is told in the district's lines ({@link #surge}), not one by one. */
    private void tellGroup(Incident incident, GroupFact fact) {
        if (incident.type() == IncidentType.BEREAVEMENT || incident.surge()) return;
        try {
            group.announce(fact);
        } catch (RuntimeException e) {
            JsonLog.error("group.announceFailed", e, "incidentId", incident.id());
        }
    }

    /** The member's home district (else city), as the group may read it; "" when there is no member. */
    private String district(Incident incident, Member known) {
        if (incident.memberId() == null) return "";
        Member member = known != null && known.id().equals(incident.memberId()) ? known
                : directory.members().get(incident.memberId()).orElse(null);
        return districtOf(member == null ? null : member.homeArea());
    }

    private static String districtOf(Area area) {
        if (area == null) return "";
        return !Text.blank(area.district()) ? area.district().strip() : Text.blank(area.city()) ? "" : area.city().strip();
    }

    private void announce(int leaderLevel, Incident incident, String text) {
        try {
            announcements.announce(leaderLevel, "huzhu " + incident.code(), text);
        } catch (RuntimeException e) {
            JsonLog.error("announce.failed", e, "incidentId", incident.id(), "leaderLevel", leaderLevel);
        }
    }
}
