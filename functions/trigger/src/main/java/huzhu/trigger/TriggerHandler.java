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
import huzhu.core.group.GroupAnnouncements;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
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
    private final GroupAnnouncements group;
    private final ServiceConfig config;

    public TriggerHandler() {
        this(Production.services());
        // SnapStart: before the snapshot, a trigger with a token nobody holds (JSON in, a GetItem that misses, 404 out)
        Priming.register("trigger", () -> Http.serve(PrimingRequests.event("POST", PATH, "/v1/triggers/"
                + PrimingRequests.NOBODY, Map.of("triggerToken", PrimingRequests.NOBODY), "{\"message\":\"priming\"}",
                null), router));
    }

    public TriggerHandler(Services services) {
        TriggerService triggers = services.trigger();
        this.config = services.config();
        this.group = services.group();
        this.router = Router.builder()
                .post(PATH, request -> trigger(triggers, request))
                .get(PATH, request -> page(triggers, request))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        config.learnPublicBaseUrl(Http.publicBaseUrl(event));
        try {
            return Http.serve(event, router);
        } finally {
            group.awaitPosted(GroupAnnouncements.BEFORE_RETURN);
        }
    }

    private static ApiResponse trigger(TriggerService triggers, ApiRequest request) {
        TriggerInput input = request.bodyOrEmpty(TriggerInput.class);
        Triggered t = triggers.trigger(request.pathParameter("triggerToken"), input,
                request.header("idempotency-key").orElse(null), request.sourceIp());
        return ApiResponse.json(201, t);
    }

    private static ApiResponse page(TriggerService triggers, ApiRequest request) {
        Member member = triggers.memberFor(request.pathParameter("triggerToken"), request.sourceIp());
        return ApiResponse.html(200, PAGE.render(member.language(), Map.of("lang", member.language().wire())))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Referrer-Policy", "no-referrer");
    }
}
