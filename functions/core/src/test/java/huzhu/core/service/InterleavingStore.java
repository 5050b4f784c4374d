package huzhu.core.service;

import huzhu.core.model.AssistanceApplication;
import huzhu.core.model.AuditEntry;
import huzhu.core.model.FamilyIntroduction;
import huzhu.core.model.IntroductionStatus;
import huzhu.core.model.Notice;
import huzhu.core.model.NoticeDelivery;
import huzhu.core.model.NoticeReply;
import huzhu.core.model.EscalationPolicy;
import huzhu.core.model.FollowUp;
import huzhu.core.model.Incident;
import huzhu.core.model.Leader;
import huzhu.core.model.Member;
import huzhu.core.model.Volunteer;
import huzhu.core.port.IncidentQuery;
import huzhu.core.port.Page;
import huzhu.core.port.PageRequest;
import huzhu.core.port.Registry;
import huzhu.core.port.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that lets one competing action slip in around the next incident write, the way a second Lambda
 * would between our read and our write. The competitor runs once; its own writes pass straight through.
 * It can also fail one idempotency write, the way a store times out after the work was done.
 */
final class InterleavingStore implements Store {
    private final Store delegate;
    private Runnable beforeNextUpdate;
    private Runnable afterNextUpdate;
    private RuntimeException nextRememberFailure;

    InterleavingStore(Store delegate) {
        this.delegate = delegate;
    }

    /** The next {@link #update} first runs {@code competitor}, then tries its own (now stale) write. */
    void beforeNextUpdate(Runnable competitor) {
        this.beforeNextUpdate = competitor;
    }

    /** The next {@link #update} writes, then {@code competitor} runs before the caller continues. */
    void afterNextUpdate(Runnable competitor) {
        this.afterNextUpdate = competitor;
    }

    /** The next {@link #remember} throws {@code failure} and records nothing, like a store that timed out. */
    void failNextRemember(RuntimeException failure) {
        this.nextRememberFailure = failure;
    }

    @Override
    public void update(Incident updated) {
        Runnable before = beforeNextUpdate;
        beforeNextUpdate = null;
        if (before != null) before.run();
        Runnable after = afterNextUpdate;
        afterNextUpdate = null;
        delegate.update(updated);
        if (after != null) after.run();
    }

    // ---- everything else as is

    @Override
    public Registry<Member> members() {
        return delegate.members();
    }

    @Override
    public Registry<Volunteer> volunteers() {
        return delegate.volunteers();
    }

    @Override
    public Registry<Leader> leaders() {
        return delegate.leaders();
    }

    @Override
    public List<Member> membersWithFamilyPhone(String e164) {
        return delegate.membersWithFamilyPhone(e164);
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        return delegate.volunteersInCity(city);
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return delegate.leadersAtLevel(level);
    }

    @Override
    public void bindTriggerToken(String memberId, String tokenHash) {
        delegate.bindTriggerToken(memberId, tokenHash);
    }

    @Override
    public Optional<String> memberIdForTriggerToken(String tokenHash) {
        return delegate.memberIdForTriggerToken(tokenHash);
    }

    @Override
    public void unbindTriggerToken(String memberId) {
        delegate.unbindTriggerToken(memberId);
    }

    @Override
    public void create(Incident incident) {
        delegate.create(incident);
    }

    @Override
    public Optional<Incident> incident(String id) {
        return delegate.incident(id);
    }

    @Override
    public List<Incident> active() {
        return delegate.active();
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        return delegate.dueForEscalation(now);
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest page) {
        return delegate.list(query, page);
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        return delegate.createdBetween(from, to);
    }

    @Override
    public void insert(FollowUp followUp) {
        delegate.insert(followUp);
    }

    @Override
    public void replace(FollowUp followUp) {
        delegate.replace(followUp);
    }

    @Override
    public Optional<FollowUp> followUp(String id) {
        return delegate.followUp(id);
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        return delegate.forIncident(incidentId);
    }

    @Override
    public Page<FollowUp> followUps(String status, PageRequest page) {
        return delegate.followUps(status, page);
    }

    @Override
    public Optional<EscalationPolicy> escalationPolicy() {
        return delegate.escalationPolicy();
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy) {
        delegate.saveEscalationPolicy(policy);
    }

    @Override
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        RuntimeException failure = nextRememberFailure;
        nextRememberFailure = null;
        if (failure != null) throw failure;
        return delegate.remember(key, value, expiresAt, now);
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        return delegate.recall(key, now);
    }

    @Override
    public void append(AuditEntry entry) {
        delegate.append(entry);
    }

    @Override
    public Page<AuditEntry> audit(Instant from, Instant to, PageRequest page) {
        return delegate.audit(from, to, page);
    }

    // ---- introductions, notices, applications, as is

    @Override
    public boolean hasTriggerToken(String memberId) {
        return delegate.hasTriggerToken(memberId);
    }

    @Override
    public void saveIntroduction(FamilyIntroduction next) {
        delegate.saveIntroduction(next);
    }

    @Override
    public Optional<FamilyIntroduction> introduction(String memberId, String phone) {
        return delegate.introduction(memberId, phone);
    }

    @Override
    public List<FamilyIntroduction> introductionsOf(String memberId) {
        return delegate.introductionsOf(memberId);
    }

    @Override
    public List<FamilyIntroduction> introductions() {
        return delegate.introductions();
    }

    @Override
    public List<FamilyIntroduction> introductionsWithStatus(IntroductionStatus status) {
        return delegate.introductionsWithStatus(status);
    }

    @Override
    public void insertNotice(Notice notice) {
        delegate.insertNotice(notice);
    }

    @Override
    public void updateNotice(Notice updated) {
        delegate.updateNotice(updated);
    }

    @Override
    public Optional<Notice> notice(String id) {
        return delegate.notice(id);
    }

    @Override
    public Page<Notice> notices(PageRequest page) {
        return delegate.notices(page);
    }

    @Override
    public List<Notice> noticesDue(Instant now) {
        return delegate.noticesDue(now);
    }

    @Override
    public boolean insertDelivery(NoticeDelivery delivery) {
        return delegate.insertDelivery(delivery);
    }

    @Override
    public void updateDelivery(NoticeDelivery updated) {
        delegate.updateDelivery(updated);
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        return delegate.deliveries(noticeId);
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        return delegate.lastDeliveryTo(phone, since);
    }

    @Override
    public void appendReply(NoticeReply reply) {
        delegate.appendReply(reply);
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return delegate.replies(noticeId);
    }

    @Override
    public void insertApplication(AssistanceApplication application) {
        delegate.insertApplication(application);
    }

    @Override
    public void updateApplication(AssistanceApplication updated) {
        delegate.updateApplication(updated);
    }

    @Override
    public Optional<AssistanceApplication> application(String id) {
        return delegate.application(id);
    }

    @Override
    public Page<AssistanceApplication> applications(String status, PageRequest page) {
        return delegate.applications(status, page);
    }

    @Override
    public List<AssistanceApplication> applicationsOf(String memberId) {
        return delegate.applicationsOf(memberId);
    }

    @Override
    public List<AssistanceApplication> applicationsSubmittedBetween(Instant from, Instant to) {
        return delegate.applicationsSubmittedBetween(from, to);
    }

    @Override
    public boolean acquireLease(String name, String owner, Instant until, Instant now) {
        return delegate.acquireLease(name, owner, until, now);
    }

    @Override
    public void releaseLease(String name, String owner) {
        delegate.releaseLease(name, owner);
    }

    @Override
    public void recordOptOut(String e164, java.time.Instant at) {
        delegate.recordOptOut(e164, at);
    }

    @Override
    public java.util.Optional<java.time.Instant> optedOutAt(String e164) {
        return delegate.optedOutAt(e164);
    }

    @Override
    public void clearOptOut(String e164) {
        delegate.clearOptOut(e164);
    }
}
