package huzhu.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.aws.Production;
import huzhu.core.model.EscalationPolicy;
import huzhu.core.port.Page;
import huzhu.core.service.DirectoryService;
import huzhu.core.service.DirectoryService.LeaderInput;
import huzhu.core.service.DirectoryService.MemberInput;
import huzhu.core.service.DirectoryService.VolunteerInput;
import huzhu.core.service.FollowUpService.FollowUpInput;
import huzhu.core.service.IncidentService;
import huzhu.core.service.IncidentService.OpenInput;
import huzhu.core.service.Services;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Caller;
import huzhu.http.Http;
import huzhu.http.Role;
import huzhu.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Every route of the union console (CONTRACT §2.2) and the console page itself. API Gateway's JWT
 * authorizer lets only signed-in users through; the roles are checked here again for every route.
 */
public final class ConsoleApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Role[] READ = {Role.ADMIN, Role.OFFICER, Role.VIEWER};
    private static final Role[] OPERATE = {Role.ADMIN, Role.OFFICER};
    private static final Role[] ADMIN = {Role.ADMIN};
    private static final String CONSOLE_PAGE = resource("/huzhu/console/console.html");

    public record NoteInput(String text) {
    }

    public record ResolveInput(String outcome, String notes) {
    }

    public record CancelInput(String reason) {
    }

    private final Router router;
    private final huzhu.core.service.ServiceConfig config;

    public ConsoleApiHandler() {
        this(Production.services());
    }

    public ConsoleApiHandler(Services services) {
        DirectoryService dir = services.directory();
        IncidentService incidents = services.incidents();
        this.config = services.config();
        Router.Builder r = Router.builder();

        r.get("/console", req -> ApiResponse.html(200, CONSOLE_PAGE).withHeader("Cache-Control", "no-cache"));

        r.post("/v1/members", req -> created(dir.createMember(body(req, ADMIN, MemberInput.class))));
        r.get("/v1/members", req -> ok(read(req, () -> dir.members(req.page()))));
        r.get("/v1/members/{id}", req -> ok(read(req, () -> dir.member(req.pathParameter("id")))));
        r.put("/v1/members/{id}", req -> ok(dir.updateMember(req.pathParameter("id"),
                body(req, ADMIN, MemberInput.class))));
        r.delete("/v1/members/{id}", req -> {
            req.requireAny(ADMIN);
            dir.deleteMember(req.pathParameter("id"));
            return ApiResponse.empty(204);
        });
        r.post("/v1/members/{id}/trigger-link", req -> {
            req.requireAny(ADMIN);
            return ok(dir.issueTriggerLink(req.pathParameter("id")));
        });

        r.post("/v1/volunteers", req -> created(dir.createVolunteer(body(req, ADMIN, VolunteerInput.class))));
        r.get("/v1/volunteers", req -> ok(read(req, () -> dir.volunteers(req.page()))));
        r.get("/v1/volunteers/{id}", req -> ok(read(req, () -> dir.volunteer(req.pathParameter("id")))));
        r.put("/v1/volunteers/{id}", req -> ok(dir.updateVolunteer(req.pathParameter("id"),
                body(req, ADMIN, VolunteerInput.class))));
        r.delete("/v1/volunteers/{id}", req -> {
            req.requireAny(ADMIN);
            dir.deleteVolunteer(req.pathParameter("id"));
            return ApiResponse.empty(204);
        });

        r.post("/v1/leaders", req -> created(dir.createLeader(body(req, ADMIN, LeaderInput.class))));
        r.get("/v1/leaders", req -> ok(read(req, () -> dir.leaders(req.page()))));
        r.get("/v1/leaders/{id}", req -> ok(read(req, () -> dir.leader(req.pathParameter("id")))));
        r.put("/v1/leaders/{id}", req -> ok(dir.updateLeader(req.pathParameter("id"),
                body(req, ADMIN, LeaderInput.class))));
        r.delete("/v1/leaders/{id}", req -> {
            req.requireAny(ADMIN);
            dir.deleteLeader(req.pathParameter("id"));
            return ApiResponse.empty(204);
        });

        r.get("/v1/escalation-policy", req -> ok(read(req, () -> services.policy().current())));
        r.put("/v1/escalation-policy", req -> ok(services.policy().replace(
                body(req, ADMIN, EscalationPolicy.class))));

        r.post("/v1/incidents", req -> {
            Caller c = req.requireAny(OPERATE);
            // CONTRACT §2.1: a POST that creates an incident honours Idempotency-Key (per caller)
            String key = req.header("idempotency-key").filter(k -> !k.isBlank()).map(k -> c.id() + ":" + k).orElse(null);
            return created(IncidentView.of(incidents.open(req.bodyAs(OpenInput.class), c.name(), key)));
        });
        r.get("/v1/incidents", req -> ok(read(req, () -> incidents.list(req.query("status").orElse(null),
                req.from(), req.to(), req.page()).map(IncidentView::of))));
        r.get("/v1/incidents/{id}", req -> ok(read(req, () -> IncidentView.of(incidents.get(req.pathParameter("id"))))));
        r.post("/v1/incidents/{id}/acknowledge", req -> {
            Caller c = req.requireAny(OPERATE);
            return ok(IncidentView.of(incidents.acknowledge(req.pathParameter("id"), c.name())));
        });
        r.post("/v1/incidents/{id}/notes", req -> {
            Caller c = req.requireAny(OPERATE);
            return ok(IncidentView.of(incidents.addNote(req.pathParameter("id"),
                    req.bodyAs(NoteInput.class).text(), c.name())));
        });
        r.post("/v1/incidents/{id}/escalate", req -> {
            Caller c = req.requireAny(OPERATE);
            return ok(IncidentView.of(incidents.escalate(req.pathParameter("id"), c.name())));
        });
        r.post("/v1/incidents/{id}/resolve", req -> {
            Caller c = req.requireAny(OPERATE);
            ResolveInput in = req.bodyOrEmpty(ResolveInput.class);
            return ok(IncidentView.of(incidents.resolve(req.pathParameter("id"), in.outcome(), in.notes(), c.name())));
        });
        r.post("/v1/incidents/{id}/cancel", req -> {
            Caller c = req.requireAny(OPERATE);
            CancelInput in = req.bodyOrEmpty(CancelInput.class);
            return ok(IncidentView.of(incidents.cancel(req.pathParameter("id"), in.reason(), c.name())));
        });
        r.post("/v1/incidents/{id}/followups", req -> created(services.followUps().create(req.pathParameter("id"),
                body(req, OPERATE, FollowUpInput.class))));
        r.get("/v1/incidents/{id}/followups", req -> ok(read(req, () -> new Page<>(
                services.followUps().forIncident(req.pathParameter("id")), null))));
        r.get("/v1/followups", req -> ok(read(req, () -> services.followUps().list(
                req.query("status").orElse(null), req.page()))));

        r.get("/v1/reports/summary", req -> ok(read(req, () -> services.reports().summary(req.from(), req.to()))));
        r.get("/v1/reports/coverage", req -> ok(read(req, () -> services.reports().coverage())));
        this.router = r.build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        config.learnPublicBaseUrl(Http.publicBaseUrl(event));
        return Http.serve(event, router);
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T read(ApiRequest req, Read<T> read) {
        req.requireAny(READ);
        return read.get();
    }

    private static <T> T body(ApiRequest req, Role[] roles, Class<T> type) {
        req.requireAny(roles);
        return req.bodyAs(type);
    }

    private static ApiResponse ok(Object body) {
        return ApiResponse.json(200, body);
    }

    private static ApiResponse created(Object body) {
        return ApiResponse.json(201, body);
    }

    private static String resource(String name) {
        try (InputStream in = ConsoleApiHandler.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
