package huzhu.core;

import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.FollowUpStore;
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
 * Where one storage engine (DynamoDB, the local stack's SQLite file, memory in tests) keeps each aggregate. Each
 * port is implemented on its own; {@link Services} hands every service only the ports it uses.
 */
public interface Store {
    DirectoryStore directory();

    TriggerTokenStore triggerTokens();

    IncidentStore incidents();

    SettingsStore settings();

    IdempotencyStore idempotency();

    AuditStore audit();

    FollowUpStore followUps();

    IntroductionStore introductions();

    NoticeStore notices();

    ApplicationStore applications();

    LeaseStore leases();

    OptOutStore optOuts();
}
