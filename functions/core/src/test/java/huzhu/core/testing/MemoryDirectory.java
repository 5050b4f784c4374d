package huzhu.core.testing;

import huzhu.core.directory.DirectoryEntry;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.directory.RegistryRules;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.util.List;
import java.util.Optional;

/** The directory in memory; phones are unique within each registry. */
final class MemoryDirectory implements DirectoryStore {
    private final Object lock;
    final MemoryRegistry<Member> members;
    final MemoryRegistry<Volunteer> volunteers;
    final MemoryRegistry<Leader> leaders;

    MemoryDirectory(Object lock) {
        this.lock = lock;
        this.members = new MemoryRegistry<>(lock, "member");
        this.volunteers = new MemoryRegistry<>(lock, "volunteer");
        this.leaders = new MemoryRegistry<>(lock, "leader");
    }

    @Override
    public Registry<Member> members() {
        return members;
    }

    @Override
    public Registry<Volunteer> volunteers() {
        return volunteers;
    }

    @Override
    public Registry<Leader> leaders() {
        return leaders;
    }

    @Override
    public List<PhoneLink> familyLinks(String e164) {
        return members.byId.where(m -> m.hasFamilyPhone(e164)).stream().map(MemoryDirectory::linkOf).toList();
    }

    @Override
    public Optional<PhoneLink> memberPhoneLink(String e164) {
        return members().byPhone(e164).map(MemoryDirectory::linkOf);
    }

    @Override
    public List<Member> membersLinkedBy(String e164, List<PhoneLink> links) {
        synchronized (lock) {
            return links.stream().flatMap(l -> members.byId.get(l.memberId()).stream())
                    .filter(m -> m.hasFamilyPhone(e164)).toList();
        }
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        return volunteers.byId.where(v -> city != null && city.equals(v.city()));
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return leaders.byId.where(l -> l.level() == level);
    }

    /** A link to the member as stored: in memory a link always names the city the member lives in now. */
    static PhoneLink linkOf(Member m) {
        return new PhoneLink(m.id(), m.homeCity());
    }

    static final class MemoryRegistry<T extends DirectoryEntry> implements Registry<T> {
        private final String what;
        final MemoryTable<T> byId;

        MemoryRegistry(Object lock, String what) {
            this.what = what;
            RegistryRules rules = new RegistryRules(what);
            this.byId = new MemoryTable<>(lock, what, T::id, T::version)
                    .checking(entry -> rules.refuseTakenPhone(entry, phone -> byPhone(phone).map(T::id)));
        }

        @Override
        public Optional<T> get(String id) {
            return byId.get(id);
        }

        @Override
        public Optional<T> byPhone(String e164) {
            return byId.where(e -> e164.equals(e.phone())).stream().findFirst();
        }

        @Override
        public Page<T> page(PageRequest request) {
            return byId.page(e -> true, new MemoryPaging.Order<>(e -> new MemoryPaging.ById(e.id()),
                    c -> new MemoryPaging.ById(Cursor.decode(c, what, 1)[0]), k -> Cursor.encode(what, k.id())),
                    request);
        }

        @Override
        public List<T> all() {
            return byId.all();
        }

        @Override
        public void insert(T entry) {
            byId.insert(entry);
        }

        @Override
        public void update(T entry) {
            byId.replace(entry);
        }

        @Override
        public boolean delete(String id) {
            return byId.delete(id);
        }

        @Override
        public void delete(String id, long version) {
            byId.delete(id, version);
        }
    }
}
