package huzhu.robots;

import huzhu.core.group.GroupAnnouncements;
import huzhu.core.group.GroupFact;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The core's {@link GroupAnnouncements} over the deployment's robots: each fact becomes its line ({@link GroupNews})
 * and goes to the robots that take its kind, off the caller's thread ({@link GroupOutbox}). It returns at once and
 * never throws: a line the {@link PersonalDataGuard} refuses, or one whose robot's queue is full, is logged and
 * dropped, and the SMS it follows has long gone.
 */
public final class RobotAnnouncements implements GroupAnnouncements {
    private final GroupOutbox outbox;
    private final GroupNews news;

    public RobotAnnouncements(GroupOutbox outbox, GroupNews news) {
        this.outbox = outbox;
        this.news = news;
    }

    /** The robots, each in its own lane, with the lines of the deployment's language. */
    public static RobotAnnouncements of(GroupRobots robots, String deploymentLanguage) {
        return new RobotAnnouncements(new GroupOutbox(robots), new GroupNews(deploymentLanguage));
    }

    /**
     * The robots of a settings document ({@link RobotSettings}, the secret's text). A deployment without robots (no
     * document) has no groups; a document that cannot be read is a misconfiguration to fix, not a reason for a
     * function to stop sending SMS: it is an ERROR line of the group channel (the robots' alarm counts it), and the
     * function runs without groups.
     */
    public static GroupAnnouncements fromSettings(String json, Clock clock, String deploymentLanguage) {
        return fromSettings(() -> json, clock, deploymentLanguage);
    }

    /** As {@link #fromSettings(String, Clock, String)}, reading the document (a secret) here, so a failed read counts too. */
    public static GroupAnnouncements fromSettings(Supplier<String> settings, Clock clock, String deploymentLanguage) {
        try {
            String json = settings.get();
            if (json == null || json.isBlank()) return GroupAnnouncements.NONE;
            GroupRobots robots = RobotSettings.parse(json, clock);
            return robots.isEmpty() ? GroupAnnouncements.NONE : of(robots, deploymentLanguage);
        } catch (RuntimeException e) {
            // RobotSettings' messages name the robot and the setting, never a value; a failed read names the secret
            JsonLog.error("group.settingsRefused", e, "channel", "group", "robot", "settings");
            return GroupAnnouncements.NONE;
        }
    }

    @Override
    public void announce(GroupFact fact) {
        try {
            outbox.offer(kind(fact), message(fact), fact.subjectId());
        } catch (RuntimeException e) {
            // the guard's message says what it saw (a phone-like number, an address), never the text
            JsonLog.warn("group.refused", "fact", fact.getClass().getSimpleName(), "subjectId", fact.subjectId(),
                    "reason", e.getMessage());
        }
    }

    /** Which robots take the fact: the leaders' group its summaries, the work group the rest. */
    static GroupKind kind(GroupFact fact) {
        if (fact instanceof GroupFact.NoticeSent) return GroupKind.NOTICE;
        if (fact instanceof GroupFact.LeadersAlerted || fact instanceof GroupFact.BereavementRecorded) {
            return GroupKind.LEADER_SUMMARY;
        }
        return GroupKind.INCIDENT_NEWS;
    }

    private GroupMessage message(GroupFact fact) {
        if (fact instanceof GroupFact.IncidentOpened f) return news.opened(f.code(), f.district());
        if (fact instanceof GroupFact.IncidentAccepted f) return news.accepted(f.code(), f.district(), f.took());
        if (fact instanceof GroupFact.IncidentTakenInHand f) return news.takenInHand(f.code(), f.district(), f.took());
        if (fact instanceof GroupFact.IncidentEscalated f) return news.escalated(f.code(), f.district(), f.level());
        if (fact instanceof GroupFact.IncidentResolved f) return news.resolved(f.code(), f.district());
        if (fact instanceof GroupFact.IncidentCancelled f) return news.cancelled(f.code(), f.district());
        if (fact instanceof GroupFact.LeadersAlerted f) {
            return news.leaderSummary(f.code(), f.district(), f.type(), f.leaderLevel(), f.open());
        }
        if (fact instanceof GroupFact.BereavementRecorded f) return news.bereavement(f.code(), f.district());
        if (fact instanceof GroupFact.NoticeSent f) return news.notice(f.title(), f.text(), f.pageUrl());
        if (fact instanceof GroupFact.DistrictSurge f) {
            return news.surge(f.district(), f.stage(), f.waiting(), f.handled(), f.longestWaitMinutes());
        }
        throw new IllegalArgumentException("no line for " + fact.getClass().getSimpleName());
    }

    @Override
    public boolean awaitPosted(Duration max) {
        return outbox.awaitIdle(max);
    }
}
