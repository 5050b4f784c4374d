package huzhu.console;

import static huzhu.console.Routes.READ;

import huzhu.core.Services;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.directory.DirectoryListing;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.NotFound;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentService;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.report.ReportService;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Router;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The console's tables as .xlsx, as unions report upward, and the empty rosters to fill in: members, volunteers,
 * incidents, assistance applications, the monthly report. Headers are in the reader's language; the members' and
 * volunteers' headers are the import's own columns, so an export, corrected, imports again. Times are China's.
 */
final class SpreadsheetRoutes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));
    /** Family contacts a member row spreads over (the import takes up to ten; few have more than three). */
    private static final int FAMILY_COLUMNS = 3;

    private SpreadsheetRoutes() {
    }

    static void register(Router.Builder r, Services services) {
        PersonalReads reads = new PersonalReads(services.audit());
        r.get("/v1/exports/{kind}", req -> {
            req.requireAny(READ);
            Language lang = req.language().orElse(Language.ZH_CN);
            String kind = req.pathParameter("kind");
            Xlsx.Sheet sheet = switch (kind) {
                case "members" -> members(services, reads, req, lang);
                case "volunteers" -> volunteers(services, reads, req, lang);
                case "incidents" -> incidents(services, reads, req, lang);
                case "applications" -> applications(services, reads, req, lang);
                case "reports" -> report(services, req, lang);
                default -> throw new NotFound("route");
            };
            return file(sheet, req);
        });
        r.get("/v1/templates/{kind}", req -> {
            req.requireAny(READ);
            Language lang = req.language().orElse(Language.ZH_CN);
            return switch (req.pathParameter("kind")) {
                case "members" -> file(new Xlsx.Sheet(text(lang, "sheet.members"), memberHeader(lang),
                        List.of(exampleMember(lang))), lang, "sheet.template.members");
                case "volunteers" -> file(new Xlsx.Sheet(text(lang, "sheet.volunteers"), volunteerHeader(lang),
                        List.of(exampleVolunteer(lang))), lang, "sheet.template.volunteers");
                default -> throw new NotFound("route");
            };
        });
    }

    // ---------------------------------------------------------------- the sheets

    static List<String> memberHeader(Language lang) {
        List<String> h = new ArrayList<>(List.of(col(lang, "name"), col(lang, "phone"), col(lang, "unit"),
                col(lang, "city"), col(lang, "district"), col(lang, "address"), col(lang, "lat"), col(lang, "lon"),
                col(lang, "language")));
        for (int n = 1; n <= FAMILY_COLUMNS; n++) {
            String k = n == 1 ? "" : Integer.toString(n);
            h.add(Messages.text(lang, "sheet.col.familyName", java.util.Map.of("n", k)));
            h.add(Messages.text(lang, "sheet.col.familyRelation", java.util.Map.of("n", k)));
            h.add(Messages.text(lang, "sheet.col.familyPhone", java.util.Map.of("n", k)));
        }
        return h;
    }

    static List<String> volunteerHeader(Language lang) {
        return List.of(col(lang, "name"), col(lang, "phone"), col(lang, "city"), col(lang, "district"),
                col(lang, "skills"), col(lang, "onDuty"), col(lang, "maxActive"), col(lang, "lat"), col(lang, "lon"),
                col(lang, "language"));
    }

    private static Xlsx.Sheet members(Services s, PersonalReads reads, ApiRequest req, Language lang) {
        DirectoryListing.Query q = filters(req);
        List<List<Object>> rows = new ArrayList<>();
        for (Member m : reads.exported(req, "member", everyRow(p -> s.directory().members(q, p)), Member::id)) {
            List<Object> row = new ArrayList<>(List.of(m.name(), m.phone(), orEmpty(m.unit()),
                    m.homeArea() == null ? "" : orEmpty(m.homeArea().city()),
                    m.homeArea() == null ? "" : orEmpty(m.homeArea().district()), orEmpty(m.homeAddress())));
            row.add(m.location() == null ? null : m.location().lat());
            row.add(m.location() == null ? null : m.location().lon());
            row.add(m.language().wire());
            for (int n = 0; n < FAMILY_COLUMNS; n++) {
                FamilyContact c = n < m.familyContacts().size() ? m.familyContacts().get(n) : null;
                row.add(c == null ? null : c.name());
                row.add(c == null ? null : c.relation());
                row.add(c == null ? null : c.phone());
            }
            rows.add(row);
        }
        return new Xlsx.Sheet(text(lang, "sheet.members"), memberHeader(lang), rows);
    }

    private static Xlsx.Sheet volunteers(Services s, PersonalReads reads, ApiRequest req, Language lang) {
        DirectoryListing.Query q = filters(req);
        List<List<Object>> rows = new ArrayList<>();
        for (Volunteer v : reads.exported(req, "volunteer", everyRow(p -> s.directory().volunteers(q, p)),
                Volunteer::id)) {
            rows.add(java.util.Arrays.asList(v.name(), v.phone(), v.area() == null ? "" : orEmpty(v.area().city()),
                    v.area() == null ? "" : orEmpty(v.area().district()), String.join("、", v.skills()),
                    text(lang, v.onDuty() ? "sheet.yes" : "sheet.no"), v.maxActive(),
                    v.location() == null ? null : v.location().lat(), v.location() == null ? null : v.location().lon(),
                    v.language().wire()));
        }
        return new Xlsx.Sheet(text(lang, "sheet.volunteers"), volunteerHeader(lang), rows);
    }

    private static Xlsx.Sheet incidents(Services s, PersonalReads reads, ApiRequest req, Language lang) {
        List<String> header = List.of(col(lang, "code"), col(lang, "createdAt"), col(lang, "member"), col(lang, "unit"),
                col(lang, "type"), col(lang, "status"), col(lang, "reporter"), col(lang, "channel"),
                col(lang, "responders"), col(lang, "tta"), col(lang, "escalations"), col(lang, "outcome"));
        java.util.Map<String, Member> members = new java.util.HashMap<>();
        for (Member m : everyRow(p -> s.directory().members(DirectoryListing.Query.NONE, p))) {
            members.put(m.id(), m);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Incident i : reads.exported(req, "incident", s.incidents().all(req.query("status").orElse("all"),
                req.from(), req.to()), Incident::id)) {
            Member m = i.memberId() == null ? null : members.get(i.memberId());
            List<String> takenBy = i.responders().stream().map(x -> x.name()).toList();
            if (takenBy.isEmpty()) takenBy = i.officerInCharge().map(List::of).orElse(List.of());
            rows.add(java.util.Arrays.asList(i.code(), TIME.format(i.createdAt()), m == null ? "" : m.name(),
                    m == null ? "" : orEmpty(m.unit()), Messages.text(lang, "type." + i.type().wire()),
                    Messages.text(lang, "status." + i.status().wire()),
                    orEmpty(i.reporter().name() != null ? i.reporter().name() : i.reporter().phone()),
                    Messages.text(lang, "channel." + i.reporter().channel().wire()), String.join("、", takenBy),
                    IncidentService.secondsToAcknowledge(i), i.escalations(), orEmpty(i.outcome())));
        }
        return new Xlsx.Sheet(text(lang, "sheet.incidents"), header, rows);
    }

    private static Xlsx.Sheet applications(Services s, PersonalReads reads, ApiRequest req, Language lang) {
        List<String> header = List.of(col(lang, "submittedAt"), col(lang, "member"), col(lang, "unit"),
                col(lang, "kind"), col(lang, "requested"), col(lang, "approved"), col(lang, "status"), col(lang, "reason"));
        List<List<Object>> rows = new ArrayList<>();
        String status = req.query("status").orElse(null);
        for (AssistanceApplication a : reads.exported(req, "application",
                Page.readAll(p -> s.applications().list(status, null, p)), AssistanceApplication::id)) {
            rows.add(java.util.Arrays.asList(DAY.format(a.submittedAt()), a.memberName(), orEmpty(a.unit()),
                    Messages.text(lang, "application.kind." + a.kind().wire()), a.amountRequested(), a.amountApproved(),
                    Messages.text(lang, "application.status." + a.status().wire()), a.reason()));
        }
        return new Xlsx.Sheet(text(lang, "sheet.applications"), header, rows);
    }

    private static Xlsx.Sheet report(Services s, ApiRequest req, Language lang) {
        ReportService.Summary sum = s.reports().summary(req.from(), req.to());
        List<String> header = List.of(col(lang, "month"), col(lang, "incidents"), col(lang, "acknowledged"),
                col(lang, "escalated"), col(lang, "mttaP50"), col(lang, "mttaP90"));
        List<List<Object>> rows = new ArrayList<>();
        for (ReportService.Slice m : sum.months()) {
            rows.add(java.util.Arrays.asList(m.key(), m.incidents(), m.acknowledged(), m.escalated(),
                    m.mttaSeconds().p50(), m.mttaSeconds().p90()));
        }
        rows.add(java.util.Arrays.asList(text(lang, "sheet.total"), sum.incidents(), sum.acknowledged(), sum.escalated(),
                sum.mttaSeconds().p50(), sum.mttaSeconds().p90()));
        return new Xlsx.Sheet(text(lang, "sheet.reports"), header, rows);
    }

    // ---------------------------------------------------------------- pieces

    private static List<Object> exampleMember(Language lang) {
        List<Object> row = new ArrayList<>(List.of(text(lang, "sheet.example.name"), "13900000001",
                text(lang, "sheet.example.unit"), text(lang, "sheet.example.city"), text(lang, "sheet.example.district"),
                text(lang, "sheet.example.address")));
        row.add(null);
        row.add(null);
        row.add("zh-CN");
        row.add(text(lang, "sheet.example.family"));
        row.add(text(lang, "sheet.example.relation"));
        row.add("13900000002");
        return row;
    }

    private static List<Object> exampleVolunteer(Language lang) {
        return java.util.Arrays.asList(text(lang, "sheet.example.volunteer"), "13900000021",
                text(lang, "sheet.example.city"), text(lang, "sheet.example.district"), text(lang, "sheet.example.skills"),
                text(lang, "sheet.yes"), 1, null, null, "zh-CN");
    }

    private static DirectoryListing.Query filters(ApiRequest req) {
        return new DirectoryListing.Query(req.query("query").orElse(null), req.query("unit").orElse(null),
                req.query("city").orElse(null), req.query("district").orElse(null),
                req.query("onDuty").map(v -> v.equalsIgnoreCase("true")).orElse(null), "name", false, null);
    }

    /** Every page of a table, read through (a union's tables are hundreds of rows). */
    private static <T> List<T> everyRow(Function<PageRequest, Listed<T>> read) {
        return Page.readAll(request -> {
            Listed<T> rows = read.apply(request);
            return new Page<>(rows.items(), rows.nextCursor());
        });
    }

    /** Named after the sheet and the day it was asked for (the request's own time, as API Gateway stamped it). */
    private static ApiResponse file(Xlsx.Sheet sheet, ApiRequest req) {
        long at = req.event().getRequestContext() == null ? 0 : req.event().getRequestContext().getTimeEpoch();
        return ApiResponse.file(Xlsx.CONTENT_TYPE, sheet.name() + (at > 0 ? "_" + DAY.format(Instant.ofEpochMilli(at))
                : "") + ".xlsx", Xlsx.write(sheet));
    }

    private static ApiResponse file(Xlsx.Sheet sheet, Language lang, String nameKey) {
        return ApiResponse.file(Xlsx.CONTENT_TYPE, text(lang, nameKey) + ".xlsx", Xlsx.write(sheet));
    }

    private static String col(Language lang, String name) {
        return text(lang, "sheet.col." + name);
    }

    private static String text(Language lang, String key) {
        return Messages.text(lang, key);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
