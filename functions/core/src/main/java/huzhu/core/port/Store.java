package huzhu.core.port;

/** Everything huzhu keeps. Services depend on the narrow parts they use. */
public interface Store extends DirectoryStore, IncidentStore, FollowUpStore, SettingsStore, IdempotencyStore,
        AuditStore, OnboardingStore, NoticeStore, ApplicationStore, LeaseStore, OptOutStore {
}
