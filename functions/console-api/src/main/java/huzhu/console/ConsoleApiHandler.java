package huzhu.console;

import static huzhu.console.Routes.ADMIN;
import static huzhu.console.Routes.OPERATE;
import static huzhu.console.Routes.READ;
import static huzhu.console.Routes.actor;
import static huzhu.console.Routes.body;
import static huzhu.console.Routes.created;
import static huzhu.console.Routes.ok;
import static huzhu.console.Routes.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.Services;
import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpService.FollowUpInput;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.directory.Csv;
import huzhu.core.directory.DirectoryListing;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Invalid;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.IncidentService;
import huzhu.core.incident.IncidentService.OpenInput;
import huzhu.core.incident.SurgeService;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.Versioned;
import huzhu.core.report.ReportService;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Caller;
import huzhu.http.Edge;
import huzhu.http.Http;
import huzhu.http.HttpApiEvents;
import huzhu.http.HttpFunction;
import huzhu.http.PrimingRequests;
import huzhu.http.Role;
import huzhu.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every route of the union console (CONTRACT §2.2) and the console page itself. API Gateway's JWT
 * authorizer lets only signed-in users through; the roles are checked here again for every route. Lambda hands
 * it the event as a stream ({@link HttpApiEvents}), so the runtime builds no serializers for it.
 */
public final class ConsoleApiHandler implements RequestStreamHandler {
    public record NoteInput(String text) {
    }

    public record ResolveInput(String outcome, String notes) {
    }

    public record CancelInput(String reason) {
    }

    /** The volunteer an officer hands the incident to. */
    public record AssignInput(String volunteerId) {
    }

    /** An officer's SMS to the reporter, the member or a family contact. */
    public record MessageInput(String to, String text) {
    }

    /** A roster import sent as JSON instead of text/csv. */
    public record CsvInput(String csv) {
    }

    /**
     * A member's personal link (CONTRACT §2.2), with the QR code the console prints on the emergency card;
     * {@code introduced}: family contacts the new link was just texted to (0 when reprinted).
     */
    public record TriggerLinkCard(String token, String url, String qrSvg, int introduced) {
        static TriggerLinkCard of(DirectoryService.TriggerLink link, int introduced) {
            return new TriggerLinkCard(link.token(), link.url(), QrSvg.of(link.url()), introduced);
        }
    }

    /** Who the page is signed in as, so it shows only what that role may do. */
    public record Me(String id, String name, java.util.Set<Role> roles) {
    }

    private final HttpFunction http;

    static {
        // the edge secret's round trip overlaps init's building of the services: see Production.readAhead
        Production.readAhead(Edge.SECRET_VARIABLE);
    }

    public ConsoleApiHandler() {
        this(Production.services(), ConsoleSettings.fromEnvironment(System.getenv()),
                Edge.cloudFront(Production.secret(Edge.SECRET_VARIABLE)));
        // SnapStart: before the snapshot, a viewer reads an incident nobody has (a GetItem that misses, 404 out)
        Priming.register("console-api", () -> Http.serve(PrimingRequests.event("GET", "/v1/incidents/{id}",
                "/v1/incidents/" + PrimingRequests.NOBODY, java.util.Map.of("id", PrimingRequests.NOBODY), null,
                java.util.Map.of("sub", "priming", "cognito:groups", "[viewer]")), http.routes()));
    }

    public ConsoleApiHandler(Services services) {
        this(services, ConsoleSettings.TOKEN_SIGN_IN);
    }

    public ConsoleApiHandler(Services services, ConsoleSettings settings) {
        this(services, settings, Edge.NONE);
    }

    public ConsoleApiHandler(Services services, ConsoleSettings settings, Edge edge) {
        DirectoryService dir = services.directory();
        IncidentService incidents = services.incidents();
        ConsoleAssets assets = new ConsoleAssets(settings);
        PersonalReads reads = new PersonalReads(services.audit());
        Router.Builder r = Router.builder();

        r.get("/console", assets::page);
        r.get("/console/{proxy+}", req -> assets.file(req.pathParameter("proxy")));

        r.get("/v1/me", req -> {
            Caller c = req.requireAny(READ);
            return ok(new Me(c.id(), c.name(), c.roles()));
        });

        r.post("/v1/members", req -> created(dir.createMember(body(req, ADMIN, MemberInput.class), actor(req))));
        r.get("/v1/members", req -> {
            DirectoryListing.Query q = listQuery(req);
            return ok(q.plain()
                    ? reads.page(req, "member", read(req, () -> dir.members(req.query("query").orElse(null), req.page())),
                            Member::id)
                    : reads.listed(req, "member", read(req, () -> dir.members(q, req.page())), Member::id));
        });
        r.get("/v1/members/facets", req -> ok(read(req, dir::memberFacets)));
        r.get("/v1/members/{id}", req -> {
            Member m = read(req, () -> dir.member(req.pathParameter("id")));
            return ok(reads.one(req, "member", m.id(), m.name(), CareRoutes.member(services, m))).withVersion(m.version());
        });
        r.put("/v1/members/{id}", req -> {
            Member m = dir.updateMember(req.pathParameter("id"), body(req, ADMIN, MemberInput.class), actor(req),
                    req.basedOn());
            return ok(m).withVersion(m.version());
        });
        r.delete("/v1/members/{id}", req -> {
            dir.deleteMember(req.pathParameter("id"), actor(req.requireAny(ADMIN)), req.basedOn());
            return ApiResponse.empty(204);
        });
        // the card reprints the link that works now; a new one is a separate act that re-sends the introduction
        r.get("/v1/members/{id}/trigger-link", req -> {
            var link = dir.currentTriggerLink(req.pathParameter("id"), actor(req.requireAny(OPERATE)));
            return ok(TriggerLinkCard.of(link, 0));
        });
        r.post("/v1/members/{id}/trigger-link", req -> {
            var issued = services.onboarding().newLink(req.pathParameter("id"), actor(req.requireAny(ADMIN)));
            int told = (int) issued.introductions().stream().filter(i -> i.status() == IntroductionStatus.SENT).count();
            return ok(TriggerLinkCard.of(issued.link(), told));
        });
        r.post("/v1/members/import", req -> {
            Actor a = actor(req.requireAny(ADMIN));
            boolean dryRun = flag(req, "dryRun").orElse(false);
            return ok(ImportView.of(dir.importMembers(roster(req), skipInvalid(req), dryRun, a), dryRun,
                    req.language().orElse(null)));
        });

        r.post("/v1/volunteers", req -> created(dir.createVolunteer(body(req, ADMIN, VolunteerInput.class),
                actor(req))));
        r.get("/v1/volunteers", req -> {
            DirectoryListing.Query q = listQuery(req);
            return ok(q.plain()
                    ? reads.page(req, "volunteer", read(req, () -> dir.volunteers(req.query("query").orElse(null),
                            flag(req, "onDuty").orElse(null), req.page())), Volunteer::id)
                    : reads.listed(req, "volunteer", read(req, () -> dir.volunteers(q, req.page())), Volunteer::id));
        });
        r.get("/v1/volunteers/{id}", req -> {
            Volunteer v = read(req, () -> dir.volunteer(req.pathParameter("id")));
            return ok(reads.one(req, "volunteer", v.id(), v.name(), v)).withVersion(v.version());
        });
        r.put("/v1/volunteers/{id}", req -> {
            Volunteer v = dir.updateVolunteer(req.pathParameter("id"), body(req, ADMIN, VolunteerInput.class),
                    actor(req), req.basedOn());
            return ok(v).withVersion(v.version());
        });
        r.delete("/v1/volunteers/{id}", req -> {
            dir.deleteVolunteer(req.pathParameter("id"), actor(req.requireAny(ADMIN)), req.basedOn());
            return ApiResponse.empty(204);
        });
        r.post("/v1/volunteers/import", req -> {
            Actor a = actor(req.requireAny(ADMIN));
            boolean dryRun = flag(req, "dryRun").orElse(false);
            return ok(ImportView.of(dir.importVolunteers(roster(req), skipInvalid(req), dryRun, a), dryRun,
                    req.language().orElse(null)));
        });

        r.post("/v1/leaders", req -> created(dir.createLeader(body(req, ADMIN, LeaderInput.class), actor(req))));
        r.get("/v1/leaders", req -> {
            DirectoryListing.Query q = listQuery(req);
            return ok(q.plain()
                    ? reads.page(req, "leader", read(req, () -> dir.leaders(req.query("query").orElse(null),
                            req.page())), Leader::id)
                    : reads.listed(req, "leader", read(req, () -> dir.leaders(q, req.page())), Leader::id));
        });
        r.get("/v1/leaders/{id}", req -> {
            Leader l = read(req, () -> dir.leader(req.pathParameter("id")));
            return ok(reads.one(req, "leader", l.id(), l.name(), l)).withVersion(l.version());
        });
        r.put("/v1/leaders/{id}", req -> {
            Leader l = dir.updateLeader(req.pathParameter("id"), body(req, ADMIN, LeaderInput.class), actor(req),
                    req.basedOn());
            return ok(l).withVersion(l.version());
        });
        r.delete("/v1/leaders/{id}", req -> {
            dir.deleteLeader(req.pathParameter("id"), actor(req.requireAny(ADMIN)), req.basedOn());
            return ApiResponse.empty(204);
        });

        // the contract's shape ({"levels"}) in the body; its version in the ETag alone
        r.get("/v1/escalation-policy", req -> {
            Versioned<EscalationPolicy> p = read(req, () -> services.policy().saved());
            return ok(p.value()).withVersion(p.version());
        });
        r.put("/v1/escalation-policy", req -> {
            Versioned<EscalationPolicy> p = services.policy().replace(body(req, ADMIN, EscalationPolicy.class),
                    actor(req), req.basedOn());
            return ok(p.value()).withVersion(p.version());
        });

        // the officers' duty roster: read by all, kept by admins; the leaders' levels alert who is on duty first
        r.get("/v1/duty-roster", req -> ok(read(req, () -> services.roster().roster())));
        r.put("/v1/duty-roster", req -> ok(services.roster().replace(body(req, ADMIN,
                huzhu.core.incident.DutyRosterService.RosterInput.class), actor(req))));

        r.post("/v1/incidents", req -> {
            Caller c = req.requireAny(OPERATE);
            // CONTRACT §2.1: a POST that creates an incident honours Idempotency-Key (per caller)
            return incident(201, IncidentView.of(incidents.open(req.bodyAs(OpenInput.class), actor(c),
                    req.callersIdempotencyKey())));
        });
        r.get("/v1/incidents", req -> {
            DirectoryListing.Query q = listQuery(req);
            if (q.unit() == null && q.city() == null && q.district() == null && q.sort() == null && q.page() == null) {
                return json(200, IncidentJson.page(reads.page(req, "incident", read(req, () -> incidents.list(
                        req.query("status").orElse(null), req.from(), req.to(), req.page()).map(IncidentView::of)),
                        IncidentView::id)));
            }
            return json(200, IncidentJson.listed(reads.listed(req, "incident", read(req, () -> incidents.table(
                    req.query("status").orElse(null), req.from(), req.to(), q.unit(), q.city(), q.district(), q.sort(),
                    q.descending(), q.page(), req.page()).map(IncidentView::of)), IncidentView::id)));
        });
        r.get("/v1/incidents/{id}", req -> {
            IncidentView i = read(req, () -> IncidentView.of(incidents.get(req.pathParameter("id"))));
            return incident(200, reads.one(req, "incident", i.id(), i.code(), i));
        });
        r.post("/v1/incidents/{id}/acknowledge", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return incident(200, IncidentView.of(incidents.acknowledge(req.pathParameter("id"), a)));
        });
        r.post("/v1/incidents/{id}/notes", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return incident(200, IncidentView.of(incidents.addNote(req.pathParameter("id"),
                    req.bodyAs(NoteInput.class).text(), a)));
        });
        r.post("/v1/incidents/{id}/assign", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return incident(200, IncidentView.of(incidents.assign(req.pathParameter("id"),
                    req.bodyOrEmpty(AssignInput.class).volunteerId(), a)));
        });
        r.post("/v1/incidents/{id}/repage", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return incident(200, IncidentView.of(incidents.repage(req.pathParameter("id"), a)));
        });
        r.post("/v1/incidents/{id}/messages", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            MessageInput in = req.bodyOrEmpty(MessageInput.class);
            return incident(200, IncidentView.of(incidents.message(req.pathParameter("id"), in.to(), in.text(), a)));
        });
        r.post("/v1/incidents/{id}/escalate", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return incident(200, IncidentView.of(incidents.escalate(req.pathParameter("id"), a)));
        });
        r.post("/v1/incidents/{id}/resolve", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            ResolveInput in = req.bodyOrEmpty(ResolveInput.class);
            return incident(200, IncidentView.of(incidents.resolve(req.pathParameter("id"), in.outcome(), in.notes(),
                    a)));
        });
        r.post("/v1/incidents/{id}/cancel", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            CancelInput in = req.bodyOrEmpty(CancelInput.class);
            return incident(200, IncidentView.of(incidents.cancel(req.pathParameter("id"), in.reason(), a)));
        });
        r.post("/v1/incidents/{id}/followups", req -> created(services.followUps().create(req.pathParameter("id"),
                body(req, OPERATE, FollowUpInput.class), actor(req))));
        r.get("/v1/incidents/{id}/followups", req -> ok(new Page<>(reads.list(req, "followup",
                req.pathParameter("id"), read(req, () -> services.followUps().forIncident(req.pathParameter("id"))),
                FollowUp::id), null)));
        r.get("/v1/followups", req -> ok(reads.page(req, "followup", read(req, () -> services.followUps().list(
                req.query("status").orElse(null), req.page())), FollowUp::id)));
        r.get("/v1/followups/{id}", req -> {
            FollowUp f = read(req, () -> services.followUps().get(req.pathParameter("id")));
            return ok(reads.one(req, "followup", f.id(), null, f)).withVersion(f.version());
        });
        r.put("/v1/followups/{id}", req -> {
            FollowUp f = services.followUps().update(req.pathParameter("id"), body(req, OPERATE, FollowUpInput.class),
                    actor(req), req.basedOn());
            return ok(f).withVersion(f.version());
        });

        // districts in surge: counts, what waits, who is free (the console's banner and surge screen)
        r.get("/v1/surges", req -> {
            List<SurgeService.AreaOverview> surges = read(req, services.surges()::active);
            // the waiting families' addresses: a read of incidents like the board's
            reads.list(req, "incident", null, surges.stream().flatMap(s -> s.waiting().stream()).toList(),
                    SurgeService.Waiting::id);
            return ok(new Page<>(surges, null));
        });
        r.get("/v1/reports/summary", req -> ok(read(req, () -> services.reports().summary(req.from(), req.to()))));
        r.get("/v1/reports/coverage", req -> {
            ReportService.Coverage c = read(req, () -> services.reports().coverage());
            reads.list(req, "coverage", null, peopleIn(c), id -> id);
            return ok(c);
        });

        // the care around emergencies: family introductions, notices (and their public page), assistance applications
        CareRoutes.register(r, services);
        // spreadsheets: exports of the tables, templates to fill in
        SpreadsheetRoutes.register(r, services);
        // the union's own work: deaths in members' families, care rounds, contact changes, the assistance guide
        UnionRoutes.register(r, services, reads);
        // the SMS template registration sheet (admins), generated from the catalogue
        SmsRoutes.register(r, services.config());

        // read-only on purpose: the audit log is written by the services, never through the API
        r.get("/v1/audit", req -> {
            req.requireAny(ADMIN);
            return ok(services.audit().list(req.from(), req.to(), req.page()));
        });
        this.http = new HttpFunction(r.build(), edge, services);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        HttpApiEvents.write(handleRequest(HttpApiEvents.read(event), context), answer);
    }

    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ConsoleResponses.finish(event, http.serve(event));
    }

    /** Everyone the coverage report names, once each. */
    private static List<String> peopleIn(ReportService.Coverage c) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<ReportService.MemberGap> gaps : List.of(c.membersWithoutFamilyContact(), c.membersWithoutVolunteer(),
                c.membersWithoutVolunteerInCity(), c.familyReach().familiesNotReached())) {
            gaps.forEach(g -> ids.add(g.id()));
        }
        c.volunteersOptedOut().forEach(g -> ids.add(g.id()));
        return List.copyOf(ids);
    }

    /** The roster's rows: the first sheet of an .xlsx, or a CSV (see {@link #csv}). */
    private static List<List<String>> roster(ApiRequest req) {
        String type = req.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith(Xlsx.CONTENT_TYPE)) return Xlsx.read(req.bodyBytes());
        return Csv.parse(csv(req));
    }

    /** The roster: the body itself when sent as text (text/csv), else the {@code csv} field of a JSON body. */
    private static String csv(ApiRequest req) {
        String type = req.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.contains("json")) return req.body();
        CsvInput in = req.bodyAs(CsvInput.class);
        if (in.csv() == null || in.csv().isBlank()) throw Invalid.of("csv", "invalid.required");
        return in.csv();
    }

    /**
     * A directory table's query: {@code query}, {@code unit}, {@code city}, {@code district}, {@code onDuty},
     * {@code sort} (a column), {@code order} ({@code asc}, {@code desc}) and {@code page} (from 1); every one optional.
     */
    private static DirectoryListing.Query listQuery(ApiRequest req) {
        boolean descending = switch (req.query("order").orElse("asc").toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw Invalid.of("order", "invalid.choice");
        };
        Integer page = null;
        if (req.query("page").isPresent()) {
            try {
                page = Integer.valueOf(req.query("page").get().strip());
            } catch (NumberFormatException e) {
                throw Invalid.of("page", "invalid.number");
            }
        }
        return new DirectoryListing.Query(req.query("query").orElse(null), req.query("unit").orElse(null),
                req.query("city").orElse(null), req.query("district").orElse(null), flag(req, "onDuty").orElse(null),
                req.query("sort").orElse(null), descending, page);
    }

    private static boolean skipInvalid(ApiRequest req) {
        return flag(req, "skipInvalid").orElse(false);
    }

    /** A true/false query parameter; absent is empty, anything else a 422 on that parameter. */
    private static Optional<Boolean> flag(ApiRequest req, String name) {
        Optional<String> raw = req.query(name);
        if (raw.isEmpty()) return Optional.empty();
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Optional.of(Boolean.TRUE);
            case "false", "0", "no" -> Optional.of(Boolean.FALSE);
            default -> throw Invalid.of(name, "invalid.choice");
        };
    }

    /** An incident (CONTRACT §3), written as {@link IncidentJson} writes it. */
    private static ApiResponse incident(int status, IncidentView incident) {
        return json(status, IncidentJson.of(incident));
    }

    private static ApiResponse json(int status, String json) {
        return ApiResponse.of(status, ApiResponse.JSON, json);
    }
}
