package huzhu.core.care;

import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.PointInput;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Member;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.Wire;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.Texting;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes to a member's family contacts asked for on the member's own page: the family cannot change the directory
 * themselves (a forwarded link must not let a stranger put their own phone on file), so each change waits for an
 * officer, who approves it (the change is then made as at the console: audited, and a new contact introduced) or
 * rejects it. The member is told by SMS when it is asked for and when it is decided, at the phone on file.
 */
public final class ContactRequestService {
    static final int MAX_NOTE = 300;
    static final int MAX_RELATION = 20;

    private final ContactRequestStore requests;
    private final DirectoryStore directory;
    private final DirectoryService directoryService;
    private final Texting texting;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;

    public ContactRequestService(ContactRequestStore requests, DirectoryStore directory,
            DirectoryService directoryService, Texting texting, Clock clock, Ids ids,
            AuditService audit) {
        this.requests = requests;
        this.directory = directory;
        this.directoryService = directoryService;
        this.texting = texting;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    /**
     * {@code contact}: for a change or a removal, which of the member's contacts, by its place in the list the page
     * shows (0 first).
     */
    public record ContactRequestInput(String action, Integer contact, String name, String relation, String phone,
            String note, String requesterName) {
    }

    /** An officer's reason (required to reject: the member is owed one). */
    public record DecisionInput(String note) {
    }

    /** A request from the member's own page, for {@code member} (the link's). */
    public ContactRequest ask(Member member, ContactRequestInput input) {
        return ask(member, input, () -> { });
    }

    /** As {@link #ask(Member, ContactRequestInput)}; {@code beforeWrite} runs once the request is valid (a limit). */
    ContactRequest ask(Member member, ContactRequestInput input, Runnable beforeWrite) {
        ContactRequestInput in = input == null ? new ContactRequestInput(null, null, null, null, null, null, null)
                : input;
        Validation v = new Validation();
        ContactRequest.Action action = null;
        if (Text.blank(in.action())) v.problem("action", "invalid.required");
        else if ((action = Wire.parse(ContactRequest.Action.class, in.action())) == null) {
            v.problem("action", "invalid.contactRequest.action");
        }
        FamilyContact target = null;
        if (action == ContactRequest.Action.CHANGE || action == ContactRequest.Action.REMOVE) {
            int i = in.contact() == null ? -1 : in.contact();
            if (i < 0 || i >= member.familyContacts().size()) v.problem("contact", "invalid.contactRequest.contact");
            else target = member.familyContacts().get(i);
        }
        boolean removal = action == ContactRequest.Action.REMOVE;
        String name = removal ? null : v.text("name", in.name(), DirectoryService.MAX_NAME, true);
        String relation = removal ? null : v.text("relation", in.relation(), MAX_RELATION, false);
        String phone = removal ? null : v.phone("phone", in.phone(), true);
        String note = v.text("note", in.note(), MAX_NOTE, false);
        String requester = v.text("requesterName", in.requesterName(), DirectoryService.MAX_NAME, false);
        v.throwIfAny();
        if (removal) {
            name = target.name();
            relation = target.relation();
        }
        beforeWrite.run();
        ContactRequest r = new ContactRequest(ids.newId(), member.id(), member.name(), action,
                target == null ? null : target.phone(), name, relation, phone, note, requester,
                ContactRequest.Status.PENDING, clock.instant(), null, null, null, null, 1);
        requests.insert(r);
        audit.record(new Actor("link:" + member.id(), requester == null ? member.name() : requester), "create",
                "contactRequest", r.id(), member.name());
        tell(member, "contactRequest.received", r, null, null);
        return r;
    }

    public ContactRequest get(String id) {
        return requests.get(id).orElseThrow(() -> new NotFound("contactRequest"));
    }

    public Page<ContactRequest> list(String status, PageRequest page) {
        return requests.list(StatusFilter.parse(ContactRequest.Status.class, status), page);
    }

    public List<ContactRequest> ofMember(String memberId) {
        return requests.ofMember(memberId);
    }

    /** Makes the change (as at the console) and says so; 409 if it was decided already or its contact is gone. */
    public ContactRequest approve(String id, DecisionInput input, Actor actor) {
        String note = Validation.onlyText("note", input == null ? null : input.note(), MAX_NOTE, false);
        ContactRequest claimed = decide(id, ContactRequest.Status.APPROVED, note, actor);
        try {
            Member member = directory.members().get(claimed.memberId()).orElseThrow(() -> new NotFound("member"));
            // on the member as just read: a change somebody saved meanwhile is never overwritten (412, undone below)
            directoryService.updateMember(member.id(), withChange(member, claimed), actor,
                    BasedOn.version(member.version()));
            audit.record(actor, "approve", "contactRequest", id, claimed.memberName());
            tell(member, "contactRequest.approved", claimed, actor.name(), null);
            return claimed;
        } catch (RuntimeException e) {
            // the change could not be made: the request waits again, as it was
            try {
                requests.update(new ContactRequest(claimed.id(), claimed.memberId(), claimed.memberName(),
                        claimed.action(), claimed.targetPhone(), claimed.name(), claimed.relation(), claimed.phone(),
                        claimed.note(), claimed.requesterName(), ContactRequest.Status.PENDING, claimed.createdAt(),
                        null, null, null, null, claimed.version() + 1));
            } catch (RuntimeException undo) {
                JsonLog.error("contactRequest.undoFailed", undo, "contactRequestId", id);
            }
            throw e;
        }
    }

    public ContactRequest reject(String id, DecisionInput input, Actor actor) {
        String note = Validation.onlyText("note", input == null ? null : input.note(), MAX_NOTE, true);
        ContactRequest rejected = decide(id, ContactRequest.Status.REJECTED, note, actor);
        audit.record(actor, "reject", "contactRequest", id, rejected.memberName());
        directory.members().get(rejected.memberId())
                .ifPresent(m -> tell(m, "contactRequest.rejected", rejected, actor.name(), note));
        return rejected;
    }

    /** The decision, taken once: a second officer deciding the same request is told it was decided. */
    private ContactRequest decide(String id, ContactRequest.Status to, String note, Actor actor) {
        ContactRequest current = get(id);
        if (current.status() != ContactRequest.Status.PENDING) {
            throw new Conflict("contact_request_decided", "error.contactRequest.decided");
        }
        ContactRequest next = current.decided(to, actor.id(), actor.name(), clock.instant(), note);
        try {
            requests.update(next);
        } catch (StaleWrite e) {
            throw new Conflict("contact_request_decided", "error.contactRequest.decided");
        }
        return next;
    }

    /** The member's record as the officer would save it with this change made. */
    private static MemberInput withChange(Member m, ContactRequest r) {
        List<FamilyContactInput> contacts = new ArrayList<>();
        boolean found = r.action() == ContactRequest.Action.ADD;
        for (FamilyContact c : m.familyContacts()) {
            if (r.targetPhone() != null && r.targetPhone().equals(c.phone()) && !found) {
                found = true;
                if (r.action() == ContactRequest.Action.CHANGE) {
                    contacts.add(new FamilyContactInput(r.name(), r.relation(), r.phone()));
                }
                continue;
            }
            contacts.add(new FamilyContactInput(c.name(), c.relation(), c.phone()));
        }
        if (!found) throw new Conflict("contact_gone", "error.contactRequest.contactGone");
        if (r.action() == ContactRequest.Action.ADD) {
            contacts.add(new FamilyContactInput(r.name(), r.relation(), r.phone()));
        }
        return new MemberInput(m.name(), m.phone(), m.unit(),
                m.homeArea() == null ? null : new AreaInput(m.homeArea().city(), m.homeArea().district()),
                m.homeAddress(), m.location() == null ? null : new PointInput(m.location().lat(), m.location().lon()),
                contacts, m.language().wire());
    }

    private void tell(Member member, String key, ContactRequest r, String by, String note) {
        String change = huzhu.core.kernel.Messages.text(member.language(), "contactRequest.change." + r.action().wire(),
                Map.of("relation", r.relation() == null ? "" : r.relation(), "name", r.name() == null ? "" : r.name()))
                .strip();
        SendResult sent = texting.send(member.phone(), member.language(), key, Map.of("change", change,
                "by", by == null ? "" : by, "note", note == null ? "" : note), null);
        if (!sent.ok()) {
            JsonLog.warn("contactRequest.smsFailed", "contactRequestId", r.id(), "to", member.phone(), "reason",
                    sent.failureReason());
        }
    }
}
