package huzhu.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.directory.Member;
import huzhu.core.incident.TriggerService;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Edge;
import huzhu.http.Html;
import huzhu.http.Http;
import huzhu.http.PrimingRequests;
import huzhu.http.Router;
import java.util.Map;

/**
 * The personal emergency link. {@code POST} raises the alarm (the contract's route); {@code GET} is the
 * page the family opens from the link: one big button that posts, safe to tap twice.
 */
public final class TriggerHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Html PAGE = Html.template(TriggerHandler.class, "/huzhu/trigger/page.html");
    private static final String PATH = "/v1/triggers/{triggerToken}";

    private final Router router;
    private final ServiceConfig config;
    private final Edge edge;

    public TriggerHandler() {
        this(Production.services(), Edge.cloudFront(Production.secret(Edge.SECRET_VARIABLE)));
        // SnapStart: before the snapshot, a trigger with a token nobody holds (JSON in, a GetItem that misses, 404 out)
        Priming.register("trigger", () -> Http.serve(PrimingRequests.event("POST", PATH, "/v1/triggers/"
                + PrimingRequests.NOBODY, Map.of("triggerToken", PrimingRequests.NOBODY), "{\"message\":\"priming\"}",
                null), router));
    }

    public TriggerHandler(Services services) {
        this(services, Edge.NONE);
    }

    public TriggerHandler(Services services, Edge edge) {
        TriggerService triggers = services.trigger();
        this.config = services.config();
        this.edge = edge;
        this.router = Router.builder()
                .post(PATH, request -> trigger(triggers, request))
                .get(PATH, request -> page(triggers, request))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, edge, router, config::learnPublicBaseUrl);
    }

    private static ApiResponse trigger(TriggerService triggers, ApiRequest request) {
        TriggerInput input = request.bodyOrEmpty(TriggerInput.class);
        Triggered t = triggers.trigger(request.pathParameter("triggerToken"), input,
                request.header("idempotency-key").orElse(null), request.sourceIp());
        return ApiResponse.json(201, t);
    }

    private static ApiResponse page(TriggerService triggers, ApiRequest request) {
        Member member = triggers.memberFor(request.pathParameter("triggerToken"), request.sourceIp());
        return PAGE.response(200, member.language(), Map.of("lang", member.language().wire()))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Referrer-Policy", "no-referrer");
    }
}
