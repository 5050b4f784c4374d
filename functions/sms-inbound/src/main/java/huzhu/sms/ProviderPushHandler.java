package huzhu.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.ServiceConfig;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.Services;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.kernel.Messages;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.SmsProvider;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Edge;
import huzhu.http.ErrorBody;
import huzhu.http.HttpFunction;
import huzhu.http.Router;
import huzhu.sms.china.DeliveryReport;
import huzhu.sms.china.DomesticSms;
import huzhu.sms.china.ProviderInbox;
import huzhu.sms.china.PushGuard;
import huzhu.sms.china.PushOutcome;
import huzhu.sms.china.Uplink;
import huzhu.sms.china.aliyun.AliyunPushes;
import huzhu.sms.china.tencent.TencentPushes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The domestic provider's pushes, on two public routes whose last segment is the union's push token (neither
 * Alibaba Cloud nor Tencent Cloud signs its pushes; see {@link PushGuard}): {@code POST /v1/sms/{provider}/replies/
 * {pushToken}} (Alibaba SmsUp, Tencent reply callback) and {@code POST /v1/sms/{provider}/reports/{pushToken}}
 * (Alibaba SmsReport, Tencent status callback). A missing or wrong token is 401, a push whose every item is stale
 * (a replay) 403, a body not in the provider's format 400 — each before anything changes. Replies go to the same
 * inbound service as the SNS path, reports mark alerts delivered or failed; a repeat changes nothing. A failing
 * store answers 503, so the provider pushes again.
 */
public final class ProviderPushHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Alibaba pushes again after 1, 5 and 10 minutes; an hour covers that with room. */
    static final Duration REPLY_MAX_AGE = Duration.ofHours(1);
    /** Carrier receipts can lag for hours. */
    static final Duration REPORT_MAX_AGE = Duration.ofHours(24);
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private final SmsProvider provider;
    private final HttpFunction http;

    static {
        // the edge secret's round trip overlaps init's building of the services: see Production.readAhead
        Production.readAhead(Edge.SECRET_VARIABLE);
    }

    public ProviderPushHandler() {
        this(Production.services().inboundSms(), Production.services().dispatcher(),
                Production.domesticSms().orElse(null), Clock.systemUTC(), Production.services().config(),
                Edge.cloudFront(Production.secret(Edge.SECRET_VARIABLE)), Production.services().group());
        // SnapStart: before the snapshot, read a push as each provider sends it (parsing only: handling one changes data)
        Priming.register("provider-push", () -> {
            AliyunPushes.uplinks("[{\"phone_number\":\"13800000000\",\"content\":\"1\",\"send_time\":"
                    + "\"2026-01-01 00:00:00\",\"sequence_id\":1}]");
            TencentPushes.reports("[{\"mobile\":\"13800000000\",\"nationcode\":\"86\",\"report_status\":\"SUCCESS\","
                    + "\"sid\":\"priming\",\"user_receive_time\":\"2026-01-01 00:00:00\"}]");
        });
    }

    /** Over the given services, for a stack on SNS: both routes answer 404. */
    public ProviderPushHandler(Services services) {
        this(services.inboundSms(), services.dispatcher(), null, Clock.systemUTC(), services.config(), Edge.NONE,
                services.group());
    }

    /**
     * @param account null when the stack uses SNS: every push is then refused as not found
     * @param config  learns the API's URL from the first push (for the ack links of the alerts a reply may send)
     * @param edge    what stands in front (CloudFront in AWS: a push that came around it is refused)
     * @param group   its posts are given a moment to finish before the handler returns (Lambda freezes after)
     */
    public ProviderPushHandler(InboundSmsService sms, Dispatcher dispatcher, DomesticSms account, Clock clock,
            ServiceConfig config, Edge edge, GroupAnnouncements group) {
        this.provider = account == null ? null : account.provider();
        Router.Builder r = Router.builder();
        if (account == null || account.pushTokens().isEmpty()) {
            r.post("/v1/sms/{provider}/replies/{pushToken}", req -> notFound());
            r.post("/v1/sms/{provider}/reports/{pushToken}", req -> notFound());
        } else {
            ProviderInbox inbox = new ProviderInbox(account.provider(), sms, dispatcher);
            PushGuard replies = new PushGuard(account.pushTokens(), clock, REPLY_MAX_AGE, MAX_AHEAD);
            PushGuard reports = new PushGuard(account.pushTokens(), clock, REPORT_MAX_AGE, MAX_AHEAD);
            boolean aliyun = account.provider() == SmsProvider.ALIYUN;
            String ack = aliyun ? AliyunPushes.ACK : TencentPushes.ACK;
            r.post("/v1/sms/{provider}/replies/{pushToken}", req -> push(req, "replies", replies,
                    aliyun ? AliyunPushes::uplinks : TencentPushes::uplinks, Uplink::at, items -> {
                        inbox.replies(items);
                        return items.size();
                    }, ack));
            r.post("/v1/sms/{provider}/reports/{pushToken}", req -> push(req, "reports", reports,
                    aliyun ? AliyunPushes::reports : TencentPushes::reports, DeliveryReport::at, inbox::reports, ack));
        }
        this.http = new HttpFunction(r.build(), edge, config, group);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.serve(event);
    }

    private <T> ApiResponse push(ApiRequest req, String kind, PushGuard guard, Function<String, List<T>> parse,
            Function<T, Instant> time, Function<List<T>, Integer> handle, String ack) {
        if (!provider.wire().equals(req.pathParameter("provider"))) return notFound();
        PushOutcome<T> outcome = guard.check(req.pathParameter("pushToken"), req.body(), parse, time);
        if (outcome instanceof PushOutcome.Rejected<T> rejected) {
            // the token is never logged: the route key, not the path
            JsonLog.warn("sms.pushRefused", "provider", provider.wire(), "kind", kind, "status", rejected.status(),
                    "reason", rejected.reason());
            return refusal(rejected.status());
        }
        PushOutcome.Accepted<T> accepted = (PushOutcome.Accepted<T>) outcome;
        int changed = handle.apply(accepted.items());
        JsonLog.info("sms.push", "provider", provider.wire(), "kind", kind, "items", accepted.items().size(), "stale",
                accepted.stale(), "changed", changed);
        return ApiResponse.of(200, ApiResponse.JSON, ack);
    }

    private static ApiResponse refusal(int status) {
        String code = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> "malformed_push";
        };
        String key = switch (status) {
            case 401 -> "error.push.token";
            case 403 -> "error.push.stale";
            default -> "error.push.format";
        };
        return ApiResponse.json(status, ErrorBody.of(code, Messages.bilingual(key, Map.of()), Map.of()));
    }

    private static ApiResponse notFound() {
        return ApiResponse.json(404, ErrorBody.of("not_found", Messages.bilingual("error.notFound.route", Map.of()),
                Map.of()));
    }
}
