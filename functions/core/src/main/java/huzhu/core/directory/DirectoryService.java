package huzhu.core.directory;

import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditService;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import huzhu.core.kernel.VersionedChange.Edited;
import huzhu.core.sms.OptOutStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The union's directory: members with their family contacts, volunteers, leaders. What an input must hold is
 * {@link EntryForms}'; a spreadsheet roster is read by {@link RosterImport}.
 */
public final class DirectoryService {
    public static final int MAX_NAME = 50;
    private static final int ATTEMPTS = 5;

    private final DirectoryStore directory;
    private final TriggerTokenStore triggerTokens;
    private final OptOutStore optOuts;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final MemberSaved memberSaved;
    private final Involvement involvement;
    private final PersonalLinks links;
    private final RosterImport rosters;

    /**
     * {@code memberSaved} hears of every member stored (new family contacts get an introduction SMS);
     * {@code involvement} says who the active incidents need, who may therefore not be deleted.
     */
    public DirectoryService(DirectoryStore directory, TriggerTokenStore triggerTokens, OptOutStore optOuts, Clock clock, Ids ids, ServiceConfig config, AuditService audit,
            MemberSaved memberSaved, Involvement involvement) {
        this.directory = directory;
        this.triggerTokens = triggerTokens;
        this.optOuts = optOuts;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.memberSaved = memberSaved;
        this.involvement = involvement;
        this.links = new PersonalLinks(triggerTokens, config, audit);
        this.rosters = new RosterImport(directory, clock, ids, audit, memberSaved);
    }

    /**
     * Told after a member was stored and audited, with the member as stored before ({@code null}: a new one);
     * {@code bulk} when a whole roster was imported. It must not throw: the change is done.
     */
    public interface MemberSaved {
        MemberSaved NONE = (before, after, actor, bulk) -> { };

        void saved(Member before, Member after, Actor actor, boolean bulk);

        /** Whether saving a member texts their new family contacts (an import says so before it runs). */
        default boolean textsNewContacts() {
            return false;
        }
    }

    public record AreaInput(String city, String district) {
    }

    public record PointInput(Double lat, Double lon) {
    }

    public record FamilyContactInput(String name, String relation, String phone) {
    }

    public record MemberInput(String name, String phone, String unit, AreaInput homeArea, String homeAddress,
            PointInput location, List<FamilyContactInput> familyContacts, String language) {
    }

    public record VolunteerInput(String name, String phone, AreaInput area, PointInput location, List<String> skills,
            Boolean onDuty, Integer maxActive, String language) {
    }

    public record LeaderInput(String name, String phone, String email, String title, Integer level, String language) {
    }

    public record TriggerLink(String token, String url) {
    }

    /** One spreadsheet row that could not be imported: its row number (the header is row 1) and why. */
    public record RowProblem(int row, Map<String, String> fields) {
    }

    /**
     * What an import did: {@code rows} read (blank ones not counted), {@code imported} of them stored with
     * these {@code ids}, the {@code problems} of the others, and header cells that name no known column.
     */
    public record ImportReport(int rows, int imported, int skipped, List<String> ids, List<RowProblem> problems,
            List<String> ignoredColumns, Outreach outreach) {
    }

    /**
     * Whom an import of members texts (the introduction SMS to each new family contact): how many members have
     * family contacts, how many contacts that is, and whether they will be texted at all (the union may have turned
     * introductions off). Said before the import ({@code dryRun}) so nobody sends hundreds of SMS unawares.
     */
    public record Outreach(int families, int contacts, boolean texted) {
        static final Outreach NONE = new Outreach(0, 0, false);
    }

    // ---------------------------------------------------------------- members

    public Member createMember(MemberInput in) {
        return createMember(in, Actor.SYSTEM);
    }

    public Member createMember(MemberInput in, Actor actor) {
        Member m = EntryForms.member(ids.newId(), in, clock.instant(), clock.instant(), 1);
        insert(directory.members(), m, "member");
        audit.record(actor, "create", "member", m.id(), m.name());
        memberSaved.saved(null, m, actor, false);
        return m;
    }

    public Member updateMember(String id, MemberInput in) {
        return updateMember(id, in, Actor.SYSTEM);
    }

    public Member updateMember(String id, MemberInput in, Actor actor) {
        return updateMember(id, in, actor, BasedOn.ANY);
    }

    /** The member as edited, if the stored one is still a version {@code basedOn} names (412 otherwise). */
    public Member updateMember(String id, MemberInput in, Actor actor, BasedOn basedOn) {
        Edited<Member> m = edit(directory.members(), "member", id, basedOn, old -> {
            Member edited = EntryForms.member(id, in, old.createdAt(), clock.instant(), old.version() + 1);
            refuseRemovingContactsInAnEmergency(old, edited);
            return edited;
        });
        audit.record(actor, "update", "member", id, m.after().name(), DirectoryChanges.of(m.before(), m.after()));
        memberSaved.saved(m.before(), m.after(), actor, false);
        return m.after();
    }

    public Member member(String id) {
        return found(directory.members(), "member", id);
    }

    public Page<Member> members(PageRequest page) {
        return directory.members().page(page);
    }

    /** {@code query} (may be blank) matches names, phones, units and areas, and family contacts' names and phones. */
    public Page<Member> members(String query, PageRequest page) {
        String q = DirectorySearch.query(query);
        if (q == null) return members(page);
        return DirectorySearch.page(directory.members().all(), m -> DirectorySearch.matches(q, m), page, "members");
    }

    /** Members as a table asks for them (see {@link DirectoryListing}). */
    public Listed<Member> members(DirectoryListing.Query q, PageRequest page) {
        return DirectoryListing.list(directory.members().all(), DirectoryListing.members(q), q,
                DirectoryListing.MEMBER_COLUMNS, page, "members-table");
    }

    /** Every unit and area the members live in, with how many members each: filters, pickers, notice audiences. */
    public DirectoryListing.Facets memberFacets() {
        return DirectoryListing.facets(directory.members().all());
    }

    public void deleteMember(String id) {
        deleteMember(id, Actor.SYSTEM);
    }

    public void deleteMember(String id, Actor actor) {
        deleteMember(id, actor, BasedOn.ANY);
    }

    public void deleteMember(String id, Actor actor, BasedOn basedOn) {
        Member m = remove(directory.members(), "member", id, basedOn,
                old -> refuseIfNeeded(old.name(), involvement.activeIncidentsOfMember(id), "error.involved.member"));
        triggerTokens.unbind(id);
        audit.record(actor, "delete", "member", id, m.name());
    }

    /** Issues a new personal emergency link; the previous one stops working at once (see {@link PersonalLinks}). */
    public TriggerLink issueTriggerLink(String memberId) {
        return issueTriggerLink(memberId, Actor.SYSTEM);
    }

    public TriggerLink issueTriggerLink(String memberId, Actor actor) {
        return links.issue(member(memberId), actor);
    }

    /**
     * The member's personal link as it works now, for their printed card (recorded as a view): {@link NotFound}
     * ("link") when they have none yet, {@link Conflict} when theirs was issued before links could be given again
     * (it works, but only a new one can be printed).
     */
    public TriggerLink currentTriggerLink(String memberId, Actor actor) {
        Member m = member(memberId);
        if (!links.has(memberId)) throw new NotFound("link");
        TriggerLink link = links.current(memberId)
                .orElseThrow(() -> new Conflict("link_not_reprintable", "error.link.notReprintable"));
        audit.recordRead(actor, "view-link", "member", memberId, m.name(), List.of(memberId));
        return link;
    }

    /**
     * Members from a spreadsheet (CSV, header row in Chinese or English). Every row is checked first; with
     * a bad row nothing is imported unless {@code skipInvalid}, in which case the good rows are.
     */
    public ImportReport importMembers(String csv, boolean skipInvalid, Actor actor) {
        return importMembers(csv, skipInvalid, false, actor);
    }

    /** {@code dryRun}: every row checked and the report made, nothing stored and nobody texted. */
    public ImportReport importMembers(String csv, boolean skipInvalid, boolean dryRun, Actor actor) {
        return importMembers(Csv.parse(csv), skipInvalid, dryRun, actor);
    }

    /** A roster already read into rows (a spreadsheet's first sheet), header first, as {@link #importMembers}. */
    public ImportReport importMembers(List<List<String>> records, boolean skipInvalid, boolean dryRun, Actor actor) {
        return rosters.members(records, skipInvalid, dryRun, actor);
    }

    // ---------------------------------------------------------------- volunteers

    public Volunteer createVolunteer(VolunteerInput in) {
        return createVolunteer(in, Actor.SYSTEM);
    }

    public Volunteer createVolunteer(VolunteerInput in, Actor actor) {
        Volunteer vol = EntryForms.volunteer(ids.newId(), in, clock.instant(), clock.instant(), null, 1);
        insert(directory.volunteers(), vol, "volunteer");
        audit.record(actor, "create", "volunteer", vol.id(), vol.name());
        return vol;
    }

    public Volunteer updateVolunteer(String id, VolunteerInput in) {
        return updateVolunteer(id, in, Actor.SYSTEM);
    }

    public Volunteer updateVolunteer(String id, VolunteerInput in, Actor actor) {
        return updateVolunteer(id, in, actor, BasedOn.ANY);
    }

    public Volunteer updateVolunteer(String id, VolunteerInput in, Actor actor, BasedOn basedOn) {
        Edited<Volunteer> vol = edit(directory.volunteers(), "volunteer", id, basedOn, current -> {
            // an edit that does not mention onDuty keeps it: a volunteer who texted STOP stays off duty
            VolunteerInput keepDuty = in != null && in.onDuty() == null ? new VolunteerInput(in.name(), in.phone(),
                    in.area(), in.location(), in.skills(), current.onDuty(), in.maxActive(), in.language()) : in;
            return EntryForms.volunteer(id, keepDuty, current.createdAt(), clock.instant(), current.optedOutAt(),
                    current.version() + 1);
        });
        // an officer putting an opted-out volunteer back on duty is the volunteer's wish to hear from us again
        if (vol.before().hasOptedOut() && !vol.after().hasOptedOut()) optOuts.clear(vol.after().phone());
        audit.record(actor, "update", "volunteer", id, vol.after().name(),
                DirectoryChanges.of(vol.before(), vol.after()));
        return vol.after();
    }

    public Volunteer volunteer(String id) {
        return found(directory.volunteers(), "volunteer", id);
    }

    public Page<Volunteer> volunteers(PageRequest page) {
        return directory.volunteers().page(page);
    }

    /** {@code query} as for members (names, phones, areas, skills); {@code onDuty} null means either. */
    public Page<Volunteer> volunteers(String query, Boolean onDuty, PageRequest page) {
        String q = DirectorySearch.query(query);
        if (q == null && onDuty == null) return volunteers(page);
        return DirectorySearch.page(directory.volunteers().all(),
                v -> (onDuty == null || v.onDuty() == onDuty) && (q == null || DirectorySearch.matches(q, v)), page,
                "volunteers");
    }

    public Listed<Volunteer> volunteers(DirectoryListing.Query q, PageRequest page) {
        return DirectoryListing.list(directory.volunteers().all(), DirectoryListing.volunteers(q), q,
                DirectoryListing.VOLUNTEER_COLUMNS, page, "volunteers-table");
    }

    public void deleteVolunteer(String id) {
        deleteVolunteer(id, Actor.SYSTEM);
    }

    public void deleteVolunteer(String id, Actor actor) {
        deleteVolunteer(id, actor, BasedOn.ANY);
    }

    public void deleteVolunteer(String id, Actor actor, BasedOn basedOn) {
        Volunteer v = remove(directory.volunteers(), "volunteer", id, basedOn,
                old -> refuseIfNeeded(old.name(), involvement.activeIncidentsNeeding(id), "error.involved.responder"));
        audit.record(actor, "delete", "volunteer", id, v.name());
    }

    /** Volunteers from a spreadsheet, as {@link #importMembers}. */
    public ImportReport importVolunteers(String csv, boolean skipInvalid, Actor actor) {
        return importVolunteers(csv, skipInvalid, false, actor);
    }

    public ImportReport importVolunteers(String csv, boolean skipInvalid, boolean dryRun, Actor actor) {
        return importVolunteers(Csv.parse(csv), skipInvalid, dryRun, actor);
    }

    public ImportReport importVolunteers(List<List<String>> records, boolean skipInvalid, boolean dryRun, Actor actor) {
        return rosters.volunteers(records, skipInvalid, dryRun, actor);
    }

    // ---------------------------------------------------------------- leaders

    public Leader createLeader(LeaderInput in) {
        return createLeader(in, Actor.SYSTEM);
    }

    public Leader createLeader(LeaderInput in, Actor actor) {
        Leader l = EntryForms.leader(ids.newId(), in, clock.instant(), clock.instant(), 1);
        insert(directory.leaders(), l, "leader");
        audit.record(actor, "create", "leader", l.id(), l.name());
        return l;
    }

    public Leader updateLeader(String id, LeaderInput in) {
        return updateLeader(id, in, Actor.SYSTEM);
    }

    public Leader updateLeader(String id, LeaderInput in, Actor actor) {
        return updateLeader(id, in, actor, BasedOn.ANY);
    }

    public Leader updateLeader(String id, LeaderInput in, Actor actor, BasedOn basedOn) {
        Edited<Leader> l = edit(directory.leaders(), "leader", id, basedOn,
                current -> EntryForms.leader(id, in, current.createdAt(), clock.instant(), current.version() + 1));
        audit.record(actor, "update", "leader", id, l.after().name(), DirectoryChanges.of(l.before(), l.after()));
        return l.after();
    }

    public Leader leader(String id) {
        return found(directory.leaders(), "leader", id);
    }

    public Page<Leader> leaders(PageRequest page) {
        return directory.leaders().page(page);
    }

    /** {@code query} matches names, phones, titles and e-mail addresses. */
    public Page<Leader> leaders(String query, PageRequest page) {
        String q = DirectorySearch.query(query);
        if (q == null) return leaders(page);
        return DirectorySearch.page(directory.leaders().all(), l -> DirectorySearch.matches(q, l), page, "leaders");
    }

    public Listed<Leader> leaders(DirectoryListing.Query q, PageRequest page) {
        return DirectoryListing.list(directory.leaders().all(), DirectoryListing.leaders(q), q,
                DirectoryListing.LEADER_COLUMNS, page, "leaders-table");
    }

    public void deleteLeader(String id) {
        deleteLeader(id, Actor.SYSTEM);
    }

    public void deleteLeader(String id, Actor actor) {
        deleteLeader(id, actor, BasedOn.ANY);
    }

    public void deleteLeader(String id, Actor actor, BasedOn basedOn) {
        Leader l = remove(directory.leaders(), "leader", id, basedOn,
                old -> refuseIfNeeded(old.name(), involvement.activeIncidentsNeeding(id), "error.involved.responder"));
        audit.record(actor, "delete", "leader", id, l.name());
    }

    // ---------------------------------------------------------------- shared

    /**
     * A family contact whose phone an edit drops (removed, or given another number) is one the responders and the
     * member's incident may be talking to: refused while the member has an active incident. Adding one is fine.
     */
    private void refuseRemovingContactsInAnEmergency(Member old, Member edited) {
        List<FamilyContact> removed = old.familyContacts().stream()
                .filter(c -> !edited.hasFamilyPhone(c.phone())).toList();
        if (removed.isEmpty()) return;
        refuseIfNeeded(removed.get(0).name(), involvement.activeEmergenciesOfMember(old.id()), "error.involved.contact");
    }

    /** 409 naming the person and the incidents that need them, in Chinese then English. */
    private static void refuseIfNeeded(String name, List<String> incidentCodes, String messageKey) {
        if (incidentCodes.isEmpty()) return;
        throw new Conflict("involved_in_incident", messageKey, Map.of("name", name,
                "codes", String.join(", ", incidentCodes)));
    }

    /** The entry as stored; 404 naming {@code what} when there is none. */
    private static <T extends DirectoryEntry> T found(Registry<T> registry, String what, String id) {
        return registry.get(id).orElseThrow(() -> new NotFound(what));
    }

    private static <T extends DirectoryEntry> void insert(Registry<T> registry, T entry, String what) {
        guardPhone(registry::insert, entry, what);
    }

    /**
     * Reads the entry, decides its next version, and writes it only on the version decided on; a lost race is
     * decided again on what the winner wrote (and refused, 412, when the caller's edit was based on the older one).
     */
    private static <T extends DirectoryEntry> Edited<T> edit(Registry<T> registry, String what, String id,
            BasedOn basedOn, UnaryOperator<T> next) {
        return VersionedChange.edit(ATTEMPTS, () -> found(registry, what, id), DirectoryEntry::version, basedOn, next,
                entry -> guardPhone(registry::update, entry, what));
    }

    /** Deletes the entry as read, if {@code check} lets it go and nobody changed it meanwhile; answers what it was. */
    private static <T extends DirectoryEntry> T remove(Registry<T> registry, String what, String id, BasedOn basedOn,
            java.util.function.Consumer<T> check) {
        return VersionedChange.orBusy(() -> VersionedChange.run(ATTEMPTS, () -> found(registry, what, id), current -> {
            basedOn.require(current.version());
            check.accept(current);
            return Decision.write(current);
        }, current -> registry.delete(id, current.version())));
    }

    private static <T extends DirectoryEntry> void guardPhone(java.util.function.Consumer<T> write, T entry,
            String what) {
        try {
            write.accept(entry);
        } catch (Registry.PhoneTaken e) {
            throw new Conflict("phone_taken", "error.phoneTaken");
        }
    }

}
