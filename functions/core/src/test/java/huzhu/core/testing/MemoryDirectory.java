package huzhu.core.testing;

import huzhu.core.directory.DirectoryEntry;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

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
        synchronized (lock) {
            return members.byId.values().stream().filter(m -> m.hasFamilyPhone(e164))
                    .map(m -> new PhoneLink(m.id(), m.homeArea() == null ? null : m.homeArea().city())).toList();
        }
    }

    @Override
    public Optional<PhoneLink> memberPhoneLink(String e164) {
        return members().byPhone(e164).map(m -> new PhoneLink(m.id(), m.homeArea() == null ? null : m.homeArea().city()));
    }

    @Override
    public List<Member> membersLinkedBy(String e164, List<PhoneLink> links) {
        synchronized (lock) {
            return links.stream().map(l -> members.byId.get(l.memberId()))
                    .filter(m -> m != null && m.hasFamilyPhone(e164)).toList();
        }
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        synchronized (lock) {
            return volunteers.byId.values().stream()
                    .filter(v -> v.area() != null && city != null && city.equals(v.area().city()))
                    .toList();
        }
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        synchronized (lock) {
            return leaders.byId.values().stream().filter(l -> l.level() == level).toList();
        }
    }

    static final class MemoryRegistry<T extends DirectoryEntry> implements Registry<T> {
        private final Object lock;
        private final String what;
        final TreeMap<String, T> byId = new TreeMap<>();

        MemoryRegistry(Object lock, String what) {
            this.lock = lock;
            this.what = what;
        }

        @Override
        public Optional<T> get(String id) {
            synchronized (lock) {
                return Optional.ofNullable(byId.get(id));
            }
        }

        @Override
        public Optional<T> byPhone(String e164) {
            synchronized (lock) {
                return byId.values().stream().filter(e -> e164.equals(e.phone())).findFirst();
            }
        }

        @Override
        public Page<T> page(PageRequest request) {
            synchronized (lock) {
                return MemoryPaging.page(byId.values(), e -> new MemoryPaging.ById(e.id()), request,
                        c -> new MemoryPaging.ById(Cursor.decode(c, what, 1)[0]), k -> Cursor.encode(what, k.id()));
            }
        }

        @Override
        public List<T> all() {
            synchronized (lock) {
                return List.copyOf(byId.values());
            }
        }

        @Override
        public void insert(T entry) {
            synchronized (lock) {
                if (byId.containsKey(entry.id())) {
                    throw new IllegalStateException(what + " " + entry.id() + " already exists");
                }
                refuseTakenPhone(entry);
                byId.put(entry.id(), entry);
            }
        }

        @Override
        public void update(T entry) {
            synchronized (lock) {
                T stored = byId.get(entry.id());
                if (stored == null) throw new NotFound(what);
                if (stored.version() != entry.version() - 1) throw new StaleWrite(what, entry.id());
                refuseTakenPhone(entry);
                byId.put(entry.id(), entry);
            }
        }

        @Override
        public boolean delete(String id) {
            synchronized (lock) {
                return byId.remove(id) != null;
            }
        }

        @Override
        public void delete(String id, long version) {
            synchronized (lock) {
                T stored = byId.get(id);
                if (stored == null) throw new NotFound(what);
                if (stored.version() != version) throw new StaleWrite(what, id);
                byId.remove(id);
            }
        }

        private void refuseTakenPhone(T entry) {
            boolean taken = byId.values().stream()
                    .anyMatch(e -> !e.id().equals(entry.id()) && e.phone() != null && e.phone().equals(entry.phone()));
            if (taken) throw new Registry.PhoneTaken(what);
        }
    }
}
