package huzhu.ack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.incident.AckService;
import huzhu.core.incident.AckService.AckView;
import huzhu.core.incident.Incident;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The link in an alert SMS: {@code GET} shows one alerted person what happened and where, with buttons;
 * {@code POST {"action"}} records accept / decline / arrived / done. Lambda hands it the event as a stream
 * ({@link HttpApiEvents}), so the runtime builds no serializers for it.
 */
public final class AckHandler implements RequestStreamHandler {
    private static final Html PAGE = Html.template(AckHandler.class, "/huzhu/ack/page.html");
    private static final Html EXPIRED = Html.template(AckHandler.class, "/huzhu/ack/expired.html");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final String PATH = "/v1/acks/{ackToken}";

    public record ActionInput(String action) {
    }

    private final HttpFunction http;
    private final ServiceConfig config;

    static {
        // the edge secret's round trip overlaps init's building of the services: see Production.readAhead
        Production.readAhead(Edge.SECRET_VARIABLE);
    }

    public AckHandler() {
        this(Production.services(), Edge.cloudFront(Production.secret(Edge.SECRET_VARIABLE)));
        // SnapStart: before the snapshot, the page and an action for a token nobody holds (a Query, 404s out)
        String path = "/v1/acks/" + PrimingRequests.NOBODY;
        Map<String, String> token = Map.of("ackToken", PrimingRequests.NOBODY);
        Priming.register("ack", () -> {
            Http.serve(PrimingRequests.event("GET", PATH, path, token, null, null), http.routes());
            Http.serve(PrimingRequests.event("POST", PATH, path, token, "{\"action\":\"accept\"}", null), http.routes());
        });
    }

    public AckHandler(Services services) {
        this(services, Edge.NONE);
    }

    public AckHandler(Services services, Edge edge) {
        AckService acks = services.ack();
        this.config = services.config();
        this.http = new HttpFunction(Router.builder()
                .get(PATH, request -> page(acks, request))
                .post(PATH, request -> ApiResponse.json(200, acks.act(request.pathParameter("ackToken"),
                        request.bodyAs(ActionInput.class).action(), request.sourceIp())))
                .build(), edge, services);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        HttpApiEvents.write(handleRequest(HttpApiEvents.read(event), context), answer);
    }

    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.serve(event);
    }

    private ApiResponse page(AckService acks, ApiRequest request) {
        AckView view;
        try {
            view = acks.view(request.pathParameter("ackToken"), request.sourceIp());
        } catch (NotFound expired) {
            return EXPIRED.response(404, config.defaultLanguage(), Map.of());
        }
        Language lang = view.language();
        Incident i = view.incident();
        Member m = view.member();
        Map<String, Object> values = new HashMap<>();
        values.put("code", i.code());
        values.put("status", Messages.text(lang, "status." + i.status().wire()));
        values.put("type", Messages.text(lang, "type." + i.type().wire()));
        values.put("member", m == null ? Messages.text(lang, "reporter.unknown") : m.name());
        values.put("address", address(i, m));
        values.put("message", i.message() == null ? "" : i.message());
        Reporter r = i.reporter();
        values.put("reporter", r.name() != null ? r.name() : "");
        values.put("reporterPhone", r.phone() == null ? "" : r.phone());
        values.put("time", LOCAL_TIME.format(i.createdAt()));
        values.put("responder", i.responders().isEmpty() ? "" : i.responders().get(0).name());
        return PAGE.response(200, lang, values);
    }

    private static String address(Incident i, Member m) {
        if (i.location() != null && i.location().address() != null) return i.location().address();
        if (m == null) return "";
        if (m.homeAddress() != null) return m.homeAddress();
        return m.homeArea() == null ? "" : m.homeArea().city() + " " + (m.homeArea().district() == null ? ""
                : m.homeArea().district());
    }
}
