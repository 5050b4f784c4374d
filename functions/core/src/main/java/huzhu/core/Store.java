package huzhu.core;

import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.FollowUpStore;
import huzhu.core.care.LeaseStore;
import huzhu.core.care.NoticeStore;
import huzhu.core.care.OnboardingStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OptOutStore;

/** Everything huzhu keeps. Services depend on the narrow parts they use. */
public interface Store extends DirectoryStore, IncidentStore, FollowUpStore, SettingsStore, IdempotencyStore,
        AuditStore, OnboardingStore, NoticeStore, ApplicationStore, LeaseStore, OptOutStore {
}
