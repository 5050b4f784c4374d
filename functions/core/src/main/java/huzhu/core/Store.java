package huzhu.core;

import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.CareRoundStore;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.care.FollowUpStore;
import huzhu.core.care.GuideStore;
import huzhu.core.care.IntroductionStore;
import huzhu.core.care.LeaseStore;
import huzhu.core.care.NoticeStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OptOutStore;

/**
 * Where one storage engine (DynamoDB, the local stack's SQLite file, memory in tests) keeps each aggregate: each
 * port is implemented on its own, and {@link Services} hands every service only the ports it uses. An engine
 * names its ports once ({@link #ports()}); the accessors read them from there.
 */
@FunctionalInterface
public interface Store {
    Ports ports();

    default DirectoryStore directory() {
        return ports().directory();
    }

    default TriggerTokenStore triggerTokens() {
        return ports().triggerTokens();
    }

    default IncidentStore incidents() {
        return ports().incidents();
    }

    default SettingsStore settings() {
        return ports().settings();
    }

    default IdempotencyStore idempotency() {
        return ports().idempotency();
    }

    default AuditStore audit() {
        return ports().audit();
    }

    default FollowUpStore followUps() {
        return ports().followUps();
    }

    default IntroductionStore introductions() {
        return ports().introductions();
    }

    default NoticeStore notices() {
        return ports().notices();
    }

    default ApplicationStore applications() {
        return ports().applications();
    }

    default LeaseStore leases() {
        return ports().leases();
    }

    default OptOutStore optOuts() {
        return ports().optOuts();
    }

    default CareRoundStore careRounds() {
        return ports().careRounds();
    }

    default ContactRequestStore contactRequests() {
        return ports().contactRequests();
    }

    default GuideStore guides() {
        return ports().guides();
    }

    /** One engine's ports, one per aggregate (every type differs, so none can take another's place). */
    record Ports(DirectoryStore directory, TriggerTokenStore triggerTokens, IncidentStore incidents,
            SettingsStore settings, IdempotencyStore idempotency, AuditStore audit, FollowUpStore followUps,
            IntroductionStore introductions, NoticeStore notices, ApplicationStore applications, LeaseStore leases,
            OptOutStore optOuts, CareRoundStore careRounds, ContactRequestStore contactRequests, GuideStore guides) {
    }
}
