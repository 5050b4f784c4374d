package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.directory.DirectoryEntry;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.directory.RegistryRules;
import huzhu.core.error.DependencyFailure;
import huzhu.core.kernel.AlreadyExists;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One registry (members, volunteers or leaders): its entries in one partition sorted by id, a phone-claim
 * item per phone, and for members a link item per family-contact phone.
 *
 * <p>The steps of one change are single-item conditional writes in an order that keeps two invariants even
 * if the writer dies half-way (DynamoDB transactions would be shorter, but dynalite, which the local stack
 * supports, has none):
 * <ul>
 *   <li>every stored entry's phone is claimed by that entry: the claim is written before the entry and
 *       released after it. A claim whose owner does not hold the phone is left-over or in flight; it is
 *       taken over only after {@link #CLAIM_LEASE}.
 *   <li>every family phone of a stored member has a link: new links are written before the member, old ones
 *       deleted after it. Readers ignore links the member no longer backs. A link, and a member's phone claim, also
 *       name the member's home city, written again after each change of the member (as is the member's trigger-token
 *       item, through the {@link HomeCityFollower}): a hint for reading ahead, which readers check.
 * </ul>
 * Changes of one entry are conditional on its version, kept in {@code rev}: a writer that read an older one gets
 * {@link StaleWrite}. A claim or link such a writer made stays behind, as one a writer that died would leave.
 */
final class PersonRegistry<T extends DirectoryEntry> implements Registry<T> {
    /** Longer than any Lambda invocation (15 min), so a claim is never taken from a change still in flight. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(16);

    private static final int ATTEMPTS = 5;
    private static final String REV = DirectoryItems.VERSION;
    private static final String OWNER = "owner";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String LINKED_ID = "entryId";
    private static final String LINKED_CITY = "homeCity";

    private final Table table;
    private final DirectoryItems.Mapper<T> mapper;
    private final Clock clock;
    private final HomeCityFollower follower;
    private final RegistryRules rules;

    /** Told where an entry lives after each change of it: items beside the registry that name the entry's city. */
    @FunctionalInterface
    interface HomeCityFollower {
        HomeCityFollower NONE = (id, city) -> { };

        void homeCityIs(String entryId, String city);
    }

    PersonRegistry(Table table, DirectoryItems.Mapper<T> mapper, Clock clock) {
        this(table, mapper, clock, HomeCityFollower.NONE);
    }

    PersonRegistry(Table table, DirectoryItems.Mapper<T> mapper, Clock clock, HomeCityFollower follower) {
        this.table = table;
        this.mapper = mapper;
        this.clock = clock;
        this.follower = follower;
        this.rules = new RegistryRules(mapper.what());
    }

    @Override
    public Optional<T> get(String id) {
        return table.get(mapper.kind(), id).map(this::read);
    }

    @Override
    public Optional<T> byPhone(String e164) {
        if (e164 == null || e164.isEmpty()) return Optional.empty();
        return table.get(Keys.phoneClaim(mapper.kind(), e164), Keys.CLAIM)
                .flatMap(claim -> get(claim.get(OWNER).s()))
                .filter(entry -> e164.equals(entry.phone()));
    }

    @Override
    public Page<T> page(PageRequest request) {
        int limit = request.limit();
        List<Map<String, AttributeValue>> items;
        if (request.cursor() == null) {
            items = table.query(null, "#pk = :pk", Map.of(":pk", Items.s(mapper.kind())), true, limit + 1);
        } else {
            String after = Paging.after(request.cursor(), mapper.what(), id -> true);
            items = table.query(null, "#pk = :pk AND #sk > :after",
                    Map.of(":pk", Items.s(mapper.kind()), ":after", Items.s(after)), true, limit + 1);
        }
        return Paging.page(items, limit, mapper.what(), item -> item.get(SK).s(), this::read);
    }

    @Override
    public List<T> all() {
        return table.query(null, "#pk = :pk", Map.of(":pk", Items.s(mapper.kind())), true, Integer.MAX_VALUE)
                .stream().map(this::read).toList();
    }

    /** Entries whose {@code gsi1pk} is this value: volunteers of a city, leaders of a level. */
    List<T> byIndex(String gsi1pk) {
        return table.query(GSI1, "#gsi1pk = :pk", Map.of(":pk", Items.s(gsi1pk)), true, Integer.MAX_VALUE)
                .stream().map(this::read).toList();
    }

    /** The link of the entry (member) whose own phone this is, from the phone's claim: its id, and where it lives. */
    Optional<PhoneLink> phoneLink(String e164) {
        if (e164 == null || e164.isEmpty()) return Optional.empty();
        return table.get(Keys.phoneClaim(mapper.kind(), e164), Keys.CLAIM).map(Items::reader)
                .map(claim -> new PhoneLink(claim.s(OWNER), claim.s(LINKED_CITY)));
    }

    /** The links of this phone: entries (members) naming it among their family contacts, and where they live. */
    List<PhoneLink> familyLinks(String e164) {
        return table
                .query(null, "#pk = :pk", Map.of(":pk", Items.s(Keys.familyPhone(e164))), true, Integer.MAX_VALUE)
                .stream().map(Items::reader).map(link -> new PhoneLink(link.s(LINKED_ID), link.s(LINKED_CITY)))
                .toList();
    }

    /** The entries {@code links} name that still list {@code e164} among their family contacts. */
    List<T> linkedBy(String e164, List<PhoneLink> links) {
        if (links.isEmpty()) return List.of();
        return table.getAll(links.stream().map(link -> Table.key(mapper.kind(), link.memberId())).distinct().toList())
                .stream()
                .map(this::read)
                .filter(entry -> mapper.familyPhones(entry).contains(e164))
                .toList();
    }

    @Override
    public void insert(T entry) {
        Claim claim = entry.phone() == null ? Claim.NONE : claim(entry.phone(), entry);
        for (String phone : mapper.familyPhones(entry)) putLink(phone, entry);
        if (!table.putNew(item(entry))) {
            // the id is taken (links it got are ignored by readers); give back a claim only this call made
            if (claim.fresh()) release(entry.phone(), entry.id(), claim.claimedAt());
            throw new AlreadyExists(mapper.what(), entry.id());
        }
    }

    @Override
    public void update(T entry) {
        long expected = entry.version() - 1;
        T old = rules.basedOn(get(entry.id()), entry.id(), expected);
        boolean phoneChanges = !Objects.equals(old.phone(), entry.phone());
        if (phoneChanges && entry.phone() != null) claim(entry.phone(), entry);
        Set<String> oldLinks = mapper.familyPhones(old);
        Set<String> newLinks = mapper.familyPhones(entry);
        for (String phone : newLinks) {
            if (!oldLinks.contains(phone)) putLink(phone, entry);
        }
        if (!table.put(item(entry), "#rev = :rev", Map.of(":rev", Items.n(expected)))) {
            throw rules.refused(get(entry.id()).isPresent(), entry.id());
        }
        if (phoneChanges && old.phone() != null) release(old.phone(), entry.id(), null);
        for (String phone : oldLinks) {
            if (!newLinks.contains(phone)) deleteLink(phone, entry.id());
        }
        boolean namesCities = mapper.homeCity(entry) != null || mapper.homeCity(old) != null;
        if (namesCities && !phoneChanges && entry.phone() != null) nameCityOnClaim(entry);
        // the links kept are written again to name where the member lives now (links older than their city hint
        // get it at the member's next change): after the write, so a writer that loses leaves them be
        for (String phone : newLinks) {
            if (oldLinks.contains(phone)) putLink(phone, entry);
        }
        if (namesCities) follower.homeCityIs(entry.id(), mapper.homeCity(entry));
    }

    @Override
    public boolean delete(String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Map<String, AttributeValue>> current = table.get(mapper.kind(), id);
            if (current.isEmpty()) return false;
            long rev = Items.reader(current.get()).l(REV);
            if (!table.delete(mapper.kind(), id, "#rev = :rev", Map.of(":rev", Items.n(rev)))) continue;
            T old = read(current.get());
            if (old.phone() != null) release(old.phone(), id, null);
            for (String phone : mapper.familyPhones(old)) deleteLink(phone, id);
            return true;
        }
        throw new DependencyFailure(mapper.what() + " " + id + " kept changing while being deleted", null);
    }

    @Override
    public void delete(String id, long version) {
        T old = rules.basedOn(get(id), id, version);
        if (!table.delete(mapper.kind(), id, "#rev = :rev", Map.of(":rev", Items.n(version)))) {
            throw rules.refused(get(id).isPresent(), id);
        }
        if (old.phone() != null) release(old.phone(), id, null);
        for (String phone : mapper.familyPhones(old)) deleteLink(phone, id);
    }

    // ---- phone claims

    /** What {@link #claim} did: wrote a claim (at {@code claimedAt}), or found the phone already claimed by us. */
    private record Claim(boolean fresh, String claimedAt) {
        static final Claim NONE = new Claim(false, null);
    }

    /** Claims the phone for {@code entry}, or throws {@link PhoneTaken} if another entry holds or is taking it. */
    private Claim claim(String phone, T entry) {
        String id = entry.id();
        String pk = Keys.phoneClaim(mapper.kind(), phone);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Map<String, AttributeValue> ours = Items.writer()
                    .s(PK, pk).s(SK, Keys.CLAIM).s(ITEM_TYPE, "PHONE_CLAIM")
                    .s(OWNER, id).time(CLAIMED_AT, now).s(LINKED_CITY, mapper.homeCity(entry)).build();
            if (table.putNew(ours)) return new Claim(true, now.toString());

            Optional<Map<String, AttributeValue>> existing = table.get(pk, Keys.CLAIM);
            if (existing.isEmpty()) continue; // released in the meantime
            Items.Reader theirs = Items.reader(existing.get());
            String owner = theirs.s(OWNER);
            if (owner.equals(id)) return new Claim(false, theirs.s(CLAIMED_AT));
            boolean ownerHoldsIt = get(owner).map(e -> phone.equals(e.phone())).orElse(false);
            boolean maybeInFlight = theirs.time(CLAIMED_AT).plus(CLAIM_LEASE).isAfter(now);
            if (ownerHoldsIt || maybeInFlight) throw new PhoneTaken(mapper.what());

            // left over by a change that died half-way: take it over, unless someone else just did
            if (table.put(ours, "#owner = :owner AND #claimedAt = :claimedAt",
                    Map.of(":owner", Items.s(owner), ":claimedAt", Items.s(theirs.s(CLAIMED_AT))))) {
                return new Claim(true, now.toString());
            }
        }
        throw new PhoneTaken(mapper.what());
    }

    /**
     * Names the city the entry lives in now on the claim of its phone, if the entry still owns it; only the city
     * changes, so the claim's lease is left as it was.
     */
    private void nameCityOnClaim(T entry) {
        String pk = Keys.phoneClaim(mapper.kind(), entry.phone());
        String city = mapper.homeCity(entry);
        if (city == null) {
            table.update(pk, Keys.CLAIM, "REMOVE #homeCity", "#owner = :owner", Map.of(":owner", Items.s(entry.id())));
        } else {
            table.update(pk, Keys.CLAIM, "SET #homeCity = :city", "#owner = :owner",
                    Map.of(":owner", Items.s(entry.id()), ":city", Items.s(city)));
        }
    }

    /** Deletes the claim if {@code id} still owns it (and, when given, it is the one made at {@code claimedAt}). */
    private void release(String phone, String id, String claimedAt) {
        String pk = Keys.phoneClaim(mapper.kind(), phone);
        if (claimedAt == null) {
            table.delete(pk, Keys.CLAIM, "#owner = :owner", Map.of(":owner", Items.s(id)));
        } else {
            table.delete(pk, Keys.CLAIM, "#owner = :owner AND #claimedAt = :claimedAt",
                    Map.of(":owner", Items.s(id), ":claimedAt", Items.s(claimedAt)));
        }
    }

    // ---- family links

    private void putLink(String phone, T entry) {
        table.put(Items.writer()
                .s(PK, Keys.familyPhone(phone)).s(SK, Keys.familyLink(entry.id())).s(ITEM_TYPE, "FAMILY_LINK")
                .s(LINKED_ID, entry.id()).s(LINKED_CITY, mapper.homeCity(entry)).build());
    }

    private void deleteLink(String phone, String id) {
        table.delete(Keys.familyPhone(phone), Keys.familyLink(id));
    }

    // ---- items

    private Map<String, AttributeValue> item(T entry) {
        return mapper.write(entry)
                .s(PK, mapper.kind()).s(SK, entry.id()).s(ITEM_TYPE, mapper.kind()).n(REV, entry.version())
                .build();
    }

    private T read(Map<String, AttributeValue> item) {
        return mapper.read(Items.reader(item));
    }
}
