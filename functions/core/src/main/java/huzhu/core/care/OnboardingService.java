package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Member;
import huzhu.core.directory.PersonalLinks;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Sleeper;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsLength;
import huzhu.core.sms.Texting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Family onboarding: every family contact gets an SMS, in the member's language, that says whose family
 * they are registered for, the union's number to text in an emergency, the member's personal link when it can
 * be given, and to call 120 first when a life is at risk. Sent when a contact is added, when an officer asks
 * (one member), or for everyone not yet reached (queued, sent at the configured pace by the periodic sender).
 * <p>
 * The personal link: a member without one gets one (the audit log records it); a member who has one keeps it —
 * issuing another would stop the printed emergency card working — and the SMS carries the one that works now
 * ({@link PersonalLinks}), unless the officer asks for a new one on purpose. A link issued before links could be
 * given again is left out of the SMS.
 */
public final class OnboardingService implements DirectoryService.MemberSaved {
    private final DirectoryStore directory;
    private final IntroductionStore introductions;
    private final PersonalLinks links;
    private final Texting texting;
    private final Clock clock;
    private final CareConfig care;
    private final AuditService audit;
    private final Sleeper sleeper;

    public OnboardingService(DirectoryStore directory, IntroductionStore introductions, TriggerTokenStore triggerTokens, Texting texting, Clock clock, ServiceConfig config,
            CareConfig care, AuditService audit, Sleeper sleeper) {
        this.directory = directory;
        this.introductions = introductions;
        this.links = new PersonalLinks(triggerTokens, config, audit);
        this.texting = texting;
        this.clock = clock;
        this.care = care;
        this.audit = audit;
        this.sleeper = sleeper;
    }

    /** What "introduce every family" did: contacts queued, and those already reached that were left alone. */
    public record Queued(int contacts, int queued, int alreadyReached, int alreadyQueued) {
    }

    // ---------------------------------------------------------------- one member, now

    /**
     * Sends the introduction to every family contact of the member now. {@code rotateLink} issues a new personal
     * link even though the member has one (the old link and the printed card stop working).
     */
    public List<FamilyIntroduction> introduce(String memberId, boolean rotateLink, Actor actor) {
        Member member = directory.members().get(memberId).orElseThrow(() -> new NotFound("member"));
        if (member.familyContacts().isEmpty()) throw new Conflict("no_family_contact", "error.noFamilyContact");
        audit.record(actor, "introduce", "member", member.id(), member.name());
        sendNow(member, member.familyContacts(), linkFor(member, rotateLink, actor), actor);
        return introductionsOf(memberId);
    }

    /** A member's new personal link, and the introductions that carried it to the family (none without family). */
    public record NewLink(DirectoryService.TriggerLink link, List<FamilyIntroduction> introductions) {
    }

    /**
     * Issues a new personal link on purpose (the old one and the cards printed with it stop working) and sends the
     * family the introduction with the new one, so nobody is left holding a dead link.
     */
    public NewLink newLink(String memberId, Actor actor) {
        Member member = directory.members().get(memberId).orElseThrow(() -> new NotFound("member"));
        DirectoryService.TriggerLink link = links.issue(member, actor);
        if (member.familyContacts().isEmpty()) return new NewLink(link, List.of());
        audit.record(actor, "introduce", "member", member.id(), member.name());
        sendNow(member, member.familyContacts(), Optional.of(link.url()), actor);
        return new NewLink(link, introductionsOf(memberId));
    }

    /** Each of the member's introductions, by phone. */
    public List<FamilyIntroduction> introductionsOf(String memberId) {
        return introductions.ofMember(memberId);
    }

    /**
     * A member was created, edited or imported: contacts that are new to this member and were never reached for
     * them get the introduction — now, or queued for the periodic sender when a whole roster was imported. A
     * failure here is logged and never undoes or fails the directory change.
     */
    @Override
    public void saved(Member before, Member after, Actor actor, boolean bulk) {
        // people's changes only: a directory loaded by the system itself (the demo union) introduces nobody
        if (!care.introduceNewContacts() || after == null || actor == null || Actor.SYSTEM.equals(actor)) return;
        try {
            Set<String> had = new LinkedHashSet<>();
            if (before != null) before.familyContacts().forEach(c -> had.add(c.phone()));
            List<FamilyContact> added = new ArrayList<>();
            for (FamilyContact c : distinct(after.familyContacts())) {
                if (had.contains(c.phone())) continue;
                Optional<FamilyIntroduction> known = introductions.get(after.id(), c.phone());
                if (known.isPresent() && known.get().status() != IntroductionStatus.FAILED) continue;
                added.add(c);
            }
            if (added.isEmpty()) return;
            if (bulk) {
                for (FamilyContact c : added) {
                    queue(after, c, actor, clock.instant(), introductions.get(after.id(), c.phone()).orElse(null));
                }
            } else {
                sendNow(after, added, linkFor(after, false, actor), actor);
            }
        } catch (RuntimeException e) {
            JsonLog.error("introduction.failed", e, "memberId", after.id());
        }
    }

    @Override
    public boolean textsNewContacts() {
        return care.introduceNewContacts();
    }

    // ---------------------------------------------------------------- everyone, queued

    /**
     * Queues the introduction for every family contact not reached yet ({@code includeReached}: for every one);
     * the periodic sender (and the caller, for a few seconds) sends them at the configured pace.
     */
    public Queued introduceAll(boolean includeReached, Actor actor) {
        Instant now = clock.instant();
        int contacts = 0;
        int queued = 0;
        int reached = 0;
        int waiting = 0;
        // one read of them all rather than one per contact; a record changed since is left alone (its write is stale)
        Map<String, FamilyIntroduction> known = new HashMap<>();
        for (FamilyIntroduction i : introductions.all()) known.put(i.memberId() + " " + i.phone(), i);
        for (Member m : directory.members().all()) {
            for (FamilyContact c : distinct(m.familyContacts())) {
                contacts++;
                FamilyIntroduction current = known.get(m.id() + " " + c.phone());
                IntroductionStatus status = current == null ? null : current.status();
                if (status == IntroductionStatus.PENDING || status == IntroductionStatus.SENDING) {
                    waiting++;
                } else if (status == IntroductionStatus.SENT && !includeReached) {
                    reached++;
                } else if (queue(m, c, actor, now, current)) {
                    queued++;
                }
            }
        }
        audit.record(actor, "introduce-all", "member", null, null);
        JsonLog.info("introduction.queued", "contacts", contacts, "queued", queued);
        return new Queued(contacts, queued, reached, waiting);
    }

    /**
     * Sends queued introductions until none is left or {@code deadline}; the periodic sender calls it holding the
     * bulk SMS lease. Claims left by a sender that died are counted as failed, never sent again.
     */
    PacedSend.Outcome drain(Pacer pacer, Instant deadline) {
        Instant now = clock.instant();
        for (FamilyIntroduction stale : introductions.withStatus(IntroductionStatus.SENDING)) {
            if (stale.claimedAt() == null || stale.claimedAt().plus(PacedSend.CLAIM_TIMEOUT).isAfter(now)) continue;
            tryWrite(next(stale, IntroductionStatus.FAILED, stale.linkIncluded(), null, "interrupted", stale.claimedAt(),
                    now));
        }
        List<FamilyIntroduction> pending = introductions.withStatus(IntroductionStatus.PENDING);
        if (pending.isEmpty()) return new PacedSend.Outcome(0, 0, true);
        Map<String, Optional<Member>> members = new HashMap<>();
        Map<String, Optional<String>> links = new HashMap<>();
        List<Job> jobs = new ArrayList<>();
        for (FamilyIntroduction i : pending) {
            Optional<Member> m = members.computeIfAbsent(i.memberId(), id -> directory.members().get(id));
            Optional<FamilyContact> contact = m.flatMap(x -> x.familyContacts().stream()
                    .filter(c -> c.phone().equals(i.phone())).findFirst());
            if (contact.isEmpty()) {
                // the member or the contact is gone since it was queued: nobody to introduce
                tryWrite(next(i, IntroductionStatus.FAILED, false, null, "no longer a family contact", null, now));
                continue;
            }
            // the link is issued when the member's first contact is sent to, not when queued (see drain's caller)
            jobs.add(new Job(i, m.get(), contact.get(), () -> links.computeIfAbsent(i.memberId(),
                    id -> linkFor(members.get(id).orElseThrow(), false, Actor.SYSTEM))));
        }
        return PacedSend.run(jobs.iterator(), pacer, texting.messenger(), deadline, clock);
    }

    // ---------------------------------------------------------------- sending

    private void sendNow(Member member, List<FamilyContact> contacts, Optional<String> link, Actor actor) {
        Instant now = clock.instant();
        List<Job> jobs = new ArrayList<>();
        for (FamilyContact c : distinct(contacts)) {
            FamilyIntroduction current = introductions.get(member.id(), c.phone()).orElse(null);
            FamilyIntroduction asked = new FamilyIntroduction(member.id(), c.phone(), c.name(), member.language(),
                    IntroductionStatus.PENDING, false, null, null, actor.name(), now, null, null,
                    current == null ? 1 : current.version() + 1);
            if (!tryWrite(asked)) continue;
            jobs.add(new Job(asked, member, c, () -> link));
        }
        // a member has at most ten contacts: this takes well under a second, within a console request
        PacedSend.run(jobs.iterator(), new Pacer(care.smsPerSecond(), clock, sleeper), texting.messenger(),
                Instant.MAX, clock);
    }

    /** The SMS (one, or two when the link does not fit beside the rest) for one contact. */
    List<RenderedSms> texts(Member member, FamilyContact contact, Optional<String> link) {
        Language lang = member.language();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("contact", Text.blank(contact.name()) ? Messages.text(lang, "intro.noName") : contact.name());
        args.put("member", member.name());
        boolean number = care.unionSmsNumber() != null;
        if (number) args.put("number", care.unionSmsNumber());
        String withLink = number ? "intro" : "intro.replyHere";
        String withoutLink = number ? "intro.noLink" : "intro.replyHere.noLink";
        if (link.isEmpty()) return List.of(texting.render(lang, withoutLink, args));
        args.put("link", link.get());
        // the member's name is what the SMS is about: only the greeting gives way in the one-SMS form
        RenderedSms whole = texting.render(lang, withLink, args);
        if (SmsLength.fits(whole.text(), SmsComposer.MAX_SEGMENTS)) return List.of(whole);
        // a long public URL (the API's own execute-api address) leaves no room: the link follows in its own SMS
        return List.of(texting.render(lang, withoutLink, args),
                texting.render(lang, "intro.link", Map.of("member", member.name(), "link", link.get())));
    }

    /**
     * The member's personal link for the introduction: the one that works now, a first one when they have none,
     * or a new one when asked to rotate; none when theirs cannot be given again (issued before links could be).
     */
    private Optional<String> linkFor(Member member, boolean rotate, Actor actor) {
        if (rotate || !links.has(member.id())) return Optional.of(links.issue(member, actor).url());
        return links.current(member.id()).map(DirectoryService.TriggerLink::url);
    }

    /** One contact's introduction as a job of {@link PacedSend}: claim, send (one or two SMS), record. */
    private final class Job implements PacedSend.Job {
        private final FamilyContact contact;
        private final Member member;
        private final java.util.function.Supplier<Optional<String>> link;
        private FamilyIntroduction current;
        private List<RenderedSms> texts;
        private boolean linkIncluded;

        Job(FamilyIntroduction queued, Member member, FamilyContact contact,
                java.util.function.Supplier<Optional<String>> link) {
            this.current = queued;
            this.member = member;
            this.contact = contact;
            this.link = link;
        }

        @Override
        public boolean claim(Instant at) {
            FamilyIntroduction claimed = next(current, IntroductionStatus.SENDING, false, null, null, at, null);
            if (!tryWrite(claimed)) return false;
            current = claimed;
            return true;
        }

        @Override
        public OutboundSms sms() {
            Optional<String> url = link.get();
            texts = texts(member, contact, url);
            linkIncluded = url.isPresent();
            return new OutboundSms(contact.phone(), texts.get(0), null);
        }

        @Override
        public void record(SendResult result, Instant at) {
            SendResult last = result;
            boolean withLink = linkIncluded && result.keptLinks(texts.get(0));
            if (result.ok() && texts.size() > 1) {
                // the link's own SMS, right after the introduction it belongs to
                last = texting.messenger().send(new OutboundSms(contact.phone(), texts.get(1), null));
                withLink = last.keptLinks(texts.get(1));
                // a provider that takes no links sends the introduction alone: it says how to ask for help
                if (last.skipped()) last = result;
                else if (!last.ok()) last = SendResult.failed("link SMS: " + last.failureReason(), last.permanent());
            }
            FamilyIntroduction done = last.ok()
                    ? next(current, IntroductionStatus.SENT, withLink, result.messageId(), null,
                            current.claimedAt(), at)
                    : next(current, IntroductionStatus.FAILED, linkIncluded, null, last.failureReason(),
                            current.claimedAt(), at);
            introductions.save(done);
            if (!last.ok()) {
                JsonLog.warn("introduction.failed", "memberId", member.id(), "to", contact.phone(), "reason",
                        last.failureReason());
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private boolean queue(Member m, FamilyContact c, Actor actor, Instant now, FamilyIntroduction current) {
        return tryWrite(new FamilyIntroduction(m.id(), c.phone(), c.name(), m.language(), IntroductionStatus.PENDING,
                false, null, null, actor == null ? Actor.SYSTEM.name() : actor.name(), now, null, null,
                current == null ? 1 : current.version() + 1));
    }

    private static FamilyIntroduction next(FamilyIntroduction i, IntroductionStatus status, boolean link,
            String messageId, String reason, Instant claimedAt, Instant sentAt) {
        return new FamilyIntroduction(i.memberId(), i.phone(), i.contactName(), i.language(), status, link, messageId,
                reason, i.requestedBy(), i.requestedAt(), claimedAt, sentAt, i.version() + 1);
    }

    /** Writes unless someone else wrote first (another sender, an officer's request at the same moment). */
    private boolean tryWrite(FamilyIntroduction next) {
        return VersionedChange.tryWrite(() -> introductions.save(next));
    }

    private static List<FamilyContact> distinct(List<FamilyContact> contacts) {
        Map<String, FamilyContact> byPhone = new LinkedHashMap<>();
        for (FamilyContact c : contacts) if (c.phone() != null) byPhone.putIfAbsent(c.phone(), c);
        return new ArrayList<>(byPhone.values());
    }
}
