package huzhu.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.Services;
import huzhu.core.care.ContactRequestService.ContactRequestInput;
import huzhu.core.care.MemberPageService;
import huzhu.core.care.MemberPageService.ApplyInput;
import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.incident.TriggerService;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Page;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Edge;
import huzhu.http.Html;
import huzhu.http.Http;
import huzhu.http.HttpApiEvents;
import huzhu.http.HttpFunction;
import huzhu.http.PrimingRequests;
import huzhu.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The personal emergency link. {@code POST} raises the alarm (the contract's route, kept as lean as it was);
 * {@code GET} is the member's own page the family opens from the link: the one big help button first, then the
 * union's notices, its guide to applying for assistance, the member's applications and the family contacts. The
 * page reads and writes those through routes of their own under the same token ({@code /notices}, {@code /guide},
 * {@code /applications}, {@code /contacts}), so the help button's request does nothing more than before.
 * Lambda hands it the event as a stream ({@link HttpApiEvents}), so the runtime builds no serializers for it.
 */
public final class TriggerHandler implements RequestStreamHandler {
    private static final Html PAGE = Html.template(TriggerHandler.class, "/huzhu/trigger/page.html");
    /** What a dead link (rotated, its member gone, mistyped) shows instead of a bare error: 120, the union's number. */
    private static final Html DEAD = Html.template(TriggerHandler.class, "/huzhu/trigger/dead.html");
    private static final String PATH = "/v1/triggers/{triggerToken}";
    private static final String TOKEN = "triggerToken";

    private final HttpFunction http;

    static {
        // the edge secret's round trip overlaps init's building of the services: see Production.readAhead
        Production.readAhead(Edge.SECRET_VARIABLE);
    }

    public TriggerHandler() {
        this(Production.services(), Edge.cloudFront(Production.secret(Edge.SECRET_VARIABLE)));
        // SnapStart: before the snapshot, a trigger with a token nobody holds (JSON in, a GetItem that misses, 404 out)
        Priming.register("trigger", () -> Http.serve(PrimingRequests.event("POST", PATH, "/v1/triggers/"
                + PrimingRequests.NOBODY, Map.of("triggerToken", PrimingRequests.NOBODY), "{\"message\":\"priming\"}",
                null), http.routes()));
    }

    public TriggerHandler(Services services) {
        this(services, Edge.NONE);
    }

    public TriggerHandler(Services services, Edge edge) {
        TriggerService triggers = services.trigger();
        MemberPageService page = services.memberPage();
        this.http = new HttpFunction(Router.builder()
                .post(PATH, request -> trigger(triggers, request))
                .get(PATH, request -> page(triggers, request))
                .get(PATH + "/notices", request -> list(page.notices(token(request), request.sourceIp())))
                .get(PATH + "/guide", request -> ApiResponse.json(200, page.guide(token(request), request.sourceIp())))
                .get(PATH + "/applications", request -> list(page.applications(token(request), request.sourceIp())))
                .post(PATH + "/applications", request -> ApiResponse.json(201, page.apply(token(request),
                        request.bodyOrEmpty(ApplyInput.class), request.header("idempotency-key").orElse(null),
                        request.sourceIp())))
                .get(PATH + "/contacts", request -> ApiResponse.json(200, page.contacts(token(request),
                        request.sourceIp())))
                .post(PATH + "/contacts", request -> ApiResponse.json(201, page.askContactChange(token(request),
                        request.bodyOrEmpty(ContactRequestInput.class), request.sourceIp())))
                .build(), edge, services);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        HttpApiEvents.write(handleRequest(HttpApiEvents.read(event), context), answer);
    }

    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.serve(event);
    }

    private static ApiResponse trigger(TriggerService triggers, ApiRequest request) {
        TriggerInput input = TriggerBody.read(request);
        Triggered t = triggers.trigger(request.pathParameter("triggerToken"), input,
                request.header("idempotency-key").orElse(null), request.sourceIp());
        return TriggerBody.answer(201, t);
    }

    private static String token(ApiRequest request) {
        return request.pathParameter(TOKEN);
    }

    private static ApiResponse list(List<?> items) {
        return ApiResponse.json(200, new Page<>(items, null));
    }

    private static ApiResponse page(TriggerService triggers, ApiRequest request) {
        Member member;
        try {
            member = triggers.memberFor(request.pathParameter("triggerToken"), request.sourceIp());
        } catch (NotFound dead) {
            return deadLink(triggers.unionNumber(), dead);
        }
        return PAGE.response(200, member.language(), Map.of());
    }

    /** Chinese first (whose link it was is not known any more), English below. */
    private static ApiResponse deadLink(String number, NotFound why) {
        Map<String, Object> values = new HashMap<>();
        values.put("titleEn", Messages.text(Language.EN, "page.dead.title"));
        values.put("adviceEn", Messages.text(Language.EN, why.messageKey(), why.args()));
        values.put("number", number);
        return DEAD.response(404, Language.ZH_CN, values);
    }
}
