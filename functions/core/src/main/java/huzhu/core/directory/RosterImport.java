package huzhu.core.directory;

import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryService.ImportReport;
import huzhu.core.directory.DirectoryService.MemberSaved;
import huzhu.core.directory.DirectoryService.Outreach;
import huzhu.core.directory.DirectoryService.RowProblem;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Members and volunteers from the rosters the union keeps in spreadsheets: every row checked as the console checks
 * one entry, then all stored (or, on a dry run, only reported), each stored one audited as an import.
 */
final class RosterImport {
    static final int MAX_IMPORT_ROWS = 1000;

    private final DirectoryStore directory;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final MemberSaved memberSaved;

    RosterImport(DirectoryStore directory, Clock clock, Ids ids, AuditService audit, MemberSaved memberSaved) {
        this.directory = directory;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.memberSaved = memberSaved;
    }

    /** As {@link DirectoryService#importMembers}; each member stored is then told to {@code memberSaved} as a bulk save. */
    ImportReport members(List<List<String>> records, boolean skipInvalid, boolean dryRun, Actor actor) {
        ImportReport report = importRows(records, skipInvalid, dryRun, actor, Roster.MEMBER_COLUMNS, directory.members(),
                "member", row -> EntryForms.member(ids.newId(), row.member(), clock.instant(), clock.instant(), 1),
                this::outreach);
        if (dryRun) return report;
        if (memberSaved != MemberSaved.NONE) {
            for (String id : report.ids()) directory.members().get(id).ifPresent(m -> memberSaved.saved(null, m, actor, true));
        }
        return report;
    }

    /** As {@link DirectoryService#importVolunteers}. */
    ImportReport volunteers(List<List<String>> records, boolean skipInvalid, boolean dryRun, Actor actor) {
        return importRows(records, skipInvalid, dryRun, actor, Roster.VOLUNTEER_COLUMNS, directory.volunteers(),
                "volunteer", row -> EntryForms.volunteer(ids.newId(), row.volunteer(), clock.instant(), clock.instant(), null, 1),
                ready -> Outreach.NONE);
    }

    /** The family contacts of the members about to be imported, each phone once (see {@link Outreach}). */
    private Outreach outreach(List<Member> members) {
        Set<String> phones = new HashSet<>();
        int families = 0;
        for (Member m : members) {
            if (m.familyContacts().isEmpty()) continue;
            families++;
            m.familyContacts().forEach(c -> phones.add(c.phone()));
        }
        return new Outreach(families, phones.size(), memberSaved.textsNewContacts() && !phones.isEmpty());
    }

    private <T extends DirectoryEntry> ImportReport importRows(List<List<String>> records, boolean skipInvalid,
            boolean dryRun, Actor actor, Set<Roster.Column> columns, Registry<T> registry, String kind,
            Function<Roster.Row, T> build, Function<List<T>, Outreach> outreach) {
        if (records.isEmpty()) throw Invalid.of("csv", "invalid.required");
        if (records.size() - 1 > MAX_IMPORT_ROWS) throw Invalid.of("csv", "invalid.csv.tooManyRows");
        Roster.Header header = Roster.header(records.get(0), columns);
        if (!header.missing().isEmpty()) {
            Map<String, String> missing = new LinkedHashMap<>();
            for (Roster.Column c : header.missing()) missing.put("columns." + Roster.field(c), "invalid.csv.missingColumn");
            throw new Invalid(missing);
        }

        List<RowProblem> problems = new ArrayList<>();
        List<T> ready = new ArrayList<>();
        List<Integer> readyRows = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        int rows = 0;
        for (int r = 1; r < records.size(); r++) {
            Roster.Row row = new Roster.Row(header, records.get(r));
            if (row.blank()) continue;
            rows++;
            int rowNumber = r + 1;
            Map<String, String> fields = new LinkedHashMap<>();
            T entry = null;
            try {
                entry = build.apply(row);
            } catch (Invalid e) {
                fields.putAll(e.fields());
            }
            row.problems.forEach(fields::putIfAbsent);
            if (entry != null && fields.isEmpty()) {
                Integer earlier = phones.putIfAbsent(entry.phone(), rowNumber);
                if (earlier != null) fields.put("phone", "invalid.csv.duplicatePhone");
                else if (registry.byPhone(entry.phone()).isPresent()) fields.put("phone", "invalid.phoneTaken");
            }
            if (fields.isEmpty()) {
                ready.add(entry);
                readyRows.add(rowNumber);
            } else {
                problems.add(new RowProblem(rowNumber, fields));
            }
        }
        if (rows == 0) throw Invalid.of("csv", "invalid.csv.noRows");
        if (!problems.isEmpty() && !skipInvalid) throw rowProblems(problems);
        if (dryRun) {
            return new ImportReport(rows, ready.size(), rows - ready.size(), List.of(), problems, header.ignored(),
                    outreach.apply(ready));
        }

        List<T> stored = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            T entry = ready.get(i);
            try {
                registry.insert(entry);
                stored.add(entry);
            } catch (Registry.PhoneTaken e) {
                // someone registered the same phone while we imported
                RowProblem p = new RowProblem(readyRows.get(i), Map.of("phone", "invalid.phoneTaken"));
                if (!skipInvalid) {
                    for (T undo : stored) registry.delete(undo.id());
                    throw rowProblems(List.of(p));
                }
                problems.add(p);
            }
        }
        for (T entry : stored) audit.record(actor, "import", kind, entry.id(), entry.name());
        problems.sort(Comparator.comparingInt(RowProblem::row));
        return new ImportReport(rows, stored.size(), rows - stored.size(), stored.stream().map(DirectoryEntry::id).toList(),
                problems, header.ignored(), outreach.apply(stored));
    }

    /** Every bad row's fields as {@code rows[7].phone}: 7 is the row number the spreadsheet shows. */
    private static Invalid rowProblems(List<RowProblem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RowProblem p : problems) {
            p.fields().forEach((field, key) -> fields.put("rows[" + p.row() + "]." + field, key));
        }
        return new Invalid(fields);
    }
}
