package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.exists;
import static huzhu.local.store.Sql.first;

import huzhu.core.directory.DirectoryEntry;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.directory.RegistryRules;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.AlreadyExists;
import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The directory: one table of people of every kind, beside the family phones the SMS function looks up. */
final class SqlDirectory implements DirectoryStore {
    private final SqlRegistry<Member> members;
    private final SqlRegistry<Volunteer> volunteers;
    private final SqlRegistry<Leader> leaders;
    private final Sql sql;

    SqlDirectory(Sql sql) {
        this.sql = sql;
        this.members = new SqlRegistry<>("member", Member.class, Member::homeCity, m -> null);
        this.volunteers = new SqlRegistry<>("volunteer", Volunteer.class, Volunteer::city, v -> null);
        this.leaders = new SqlRegistry<>("leader", Leader.class, l -> null, Leader::level);
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
        return sql.tx(c -> {
            List<PhoneLink> links = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(c, """
                    SELECT f.member_id, d.city FROM family_phones f JOIN directory d ON d.kind = 'member' AND d.id = f.member_id
                    WHERE f.phone = ? ORDER BY d.id""", e164); ResultSet r = ps.executeQuery()) {
                while (r.next()) links.add(new PhoneLink(r.getString(1), r.getString(2)));
            }
            return links;
        });
    }

    @Override
    public Optional<PhoneLink> memberPhoneLink(String e164) {
        return sql.tx(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT id, city FROM directory WHERE kind = 'member' AND phone = ?",
                    e164); ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(new PhoneLink(r.getString(1), r.getString(2))) : Optional.<PhoneLink>empty();
            }
        });
    }

    @Override
    public List<Member> membersLinkedBy(String e164, List<PhoneLink> links) {
        List<String> ids = links.stream().map(PhoneLink::memberId).toList();
        return membersWithFamilyPhone(e164).stream().filter(m -> ids.contains(m.id())).toList();
    }

    /** One query here: the embedded store has no round trip to save by halves. */
    @Override
    public List<Member> membersWithFamilyPhone(String e164) {
        return sql.tx(c -> sql.docs(c, Member.class, """
                SELECT d.doc FROM family_phones f JOIN directory d ON d.kind = 'member' AND d.id = f.member_id
                WHERE f.phone = ? ORDER BY d.id""", e164));
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        return sql.tx(c -> sql.docs(c, Volunteer.class,
                "SELECT doc FROM directory WHERE kind = 'volunteer' AND city = ? ORDER BY id", city));
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return sql.tx(c -> sql.docs(c, Leader.class,
                "SELECT doc FROM directory WHERE kind = 'leader' AND level = ? ORDER BY id", level));
    }



    private final class SqlRegistry<T extends DirectoryEntry> implements Registry<T> {
        private final String kind;
        private final Class<T> type;
        private final Function<T, String> city;
        private final Function<T, Integer> level;
        private final RegistryRules rules;

        SqlRegistry(String kind, Class<T> type, Function<T, String> city, Function<T, Integer> level) {
            this.kind = kind;
            this.type = type;
            this.city = city;
            this.level = level;
            this.rules = new RegistryRules(kind);
        }

        @Override
        public Optional<T> get(String id) {
            return sql.tx(c -> stored(c, id));
        }

        @Override
        public Optional<T> byPhone(String e164) {
            return sql.tx(c -> first(sql.docs(c, type, "SELECT doc FROM directory WHERE kind = ? AND phone = ?", kind,
                    e164)));
        }

        @Override
        public Page<T> page(PageRequest request) {
            int limit = request.limit();
            return sql.tx(c -> {
                List<T> rows = request.cursor() == null
                        ? sql.docs(c, type, "SELECT doc FROM directory WHERE kind = ? ORDER BY id LIMIT ?", kind,
                                limit + 1)
                        : sql.docs(c, type, "SELECT doc FROM directory WHERE kind = ? AND id > ? ORDER BY id LIMIT ?",
                                kind, Cursor.decode(request.cursor(), kind, 1)[0], limit + 1);
                return Page.of(rows, limit, e -> Cursor.encode(kind, e.id()));
            });
        }

        @Override
        public List<T> all() {
            return sql.tx(c -> sql.docs(c, type, "SELECT doc FROM directory WHERE kind = ? ORDER BY id", kind));
        }

        @Override
        public void insert(T entry) {
            sql.tx(c -> {
                if (exists(c, "SELECT 1 FROM directory WHERE kind = ? AND id = ?", kind, entry.id())) {
                    throw new AlreadyExists(kind, entry.id());
                }
                rules.refuseTakenPhone(entry, phone -> holderOf(c, phone));
                execute(c, "INSERT INTO directory (kind, id, phone, city, level, doc) VALUES (?, ?, ?, ?, ?, ?)",
                        kind, entry.id(), entry.phone(), city.apply(entry), level.apply(entry), sql.json.write(entry));
                indexFamilyPhones(c, entry);
                return null;
            });
        }

        @Override
        public void update(T entry) {
            sql.tx(c -> {
                rules.basedOn(stored(c, entry.id()), entry.id(), entry.version() - 1);
                rules.refuseTakenPhone(entry, phone -> holderOf(c, phone));
                execute(c, "UPDATE directory SET phone = ?, city = ?, level = ?, doc = ? WHERE kind = ? AND id = ?",
                        entry.phone(), city.apply(entry), level.apply(entry), sql.json.write(entry), kind, entry.id());
                indexFamilyPhones(c, entry);
                return null;
            });
        }

        @Override
        public boolean delete(String id) {
            return sql.tx(c -> {
                if (kind.equals("member")) execute(c, "DELETE FROM family_phones WHERE member_id = ?", id);
                return execute(c, "DELETE FROM directory WHERE kind = ? AND id = ?", kind, id) > 0;
            });
        }

        @Override
        public void delete(String id, long version) {
            sql.tx(c -> {
                rules.basedOn(stored(c, id), id, version);
                if (kind.equals("member")) execute(c, "DELETE FROM family_phones WHERE member_id = ?", id);
                execute(c, "DELETE FROM directory WHERE kind = ? AND id = ?", kind, id);
                return null;
            });
        }

        private Optional<T> stored(Connection c, String id) throws SQLException {
            return first(sql.docs(c, type, "SELECT doc FROM directory WHERE kind = ? AND id = ?", kind, id));
        }

        private Optional<String> holderOf(Connection c, String phone) throws SQLException {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT id FROM directory WHERE kind = ? AND phone = ?", kind,
                    phone); ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        }

        private void indexFamilyPhones(Connection c, T entry) throws SQLException {
            if (!(entry instanceof Member member)) return;
            execute(c, "DELETE FROM family_phones WHERE member_id = ?", member.id());
            for (FamilyContact contact : member.familyContacts()) {
                if (contact.phone() == null) continue;
                execute(c, "INSERT OR IGNORE INTO family_phones (phone, member_id) VALUES (?, ?)", contact.phone(),
                        member.id());
            }
        }
    }
}
