package huzhu.local.badinput;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.ack.AckHandler;
import huzhu.console.ConsoleApiHandler;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.local.ApiEvents;
import huzhu.sms.SmsInboundHandler;
import huzhu.trigger.TriggerHandler;
import java.util.List;
import java.util.Map;

/**
 * A fresh union for one try of a property: a member with a personal link (and the link it replaced), two
 * neighbours alerted for one open incident, a closed incident whose links are dead, a leader; the real
 * handlers over the in-memory store.
 */
final class SmallUnion {
    /** Everyone's phone in the union: the member, his father, the two neighbours, the leader. */
    static final List<String> PHONES = List.of(Fixtures.phone(1), Fixtures.phone(2), Fixtures.phone(11),
            Fixtures.phone(12), Fixtures.phone(21));
    static final String HOME_ADDRESS = "武汉市江汉区新华路 88 号";

    final InMemoryStore store = new InMemoryStore();
    final RecordingMessenger sms = new RecordingMessenger();
    final MutableClock clock = MutableClock.atT0();
    final Services services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(11),
            new ServiceConfig("https://huzhu.example", null));
    final TriggerHandler trigger = new TriggerHandler(services);
    final AckHandler ack = new AckHandler(services);
    final ConsoleApiHandler console = new ConsoleApiHandler(services);
    final SmsInboundHandler inbound = new SmsInboundHandler(services.inboundSms());
    final String oldTriggerToken;
    final String triggerToken;
    final Incident open;
    final Incident closed;

    SmallUnion() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1)).home("武汉市", "江汉区")
                .address(HOME_ADDRESS).family("王德福", "父亲", Fixtures.phone(2)).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(Fixtures.phone(11))
                .area("武汉市", "江汉区").maxActive(5).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").name("赵敏").phone(Fixtures.phone(12))
                .area("武汉市", "江汉区").maxActive(5).build());
        store.directory().leaders().insert(Fixtures.leader("l-1").name("周干事").phone(Fixtures.phone(21)).level(1).build());
        oldTriggerToken = services.directory().issueTriggerLink("m-1").token();
        triggerToken = services.directory().issueTriggerLink("m-1").token();
        Incident first = services.dispatcher().open(new NewIncident("inc-closed", "m-1", IncidentType.MEDICAL, "头晕",
                null, new Reporter(Fixtures.phone(2), "王德福", Channel.SMS, true), Language.ZH_CN));
        closed = services.dispatcher().cancel(first.id(), "误报", "周干事");
        open = services.dispatcher().open(new NewIncident("inc-open", "m-1", IncidentType.MEDICAL, "老伴胸口疼", null,
                new Reporter(Fixtures.phone(2), "王德福", Channel.SMS, true), Language.ZH_CN));
        sms.clear();
    }

    String ackToken(Incident incident, String recipientId) {
        return services.config().ackTokens().token(incident.code(), incident.id(), recipientId);
    }

    /** An HTTP API (payload 2.0) event as API Gateway hands it to a function. */
    static APIGatewayV2HTTPEvent event(String method, String template, String path, Map<String, String> pathParameters,
            Map<String, String> query, Map<String, String> headers, String body, boolean base64,
            Map<String, String> claims) {
        return ApiEvents.request(method, template, path, pathParameters, query, headers, body, base64, claims,
                "198.51.100.23");
    }

    static Map<String, String> admin() {
        return ApiEvents.admin();
    }

    static boolean isJson(APIGatewayV2HTTPResponse r) {
        String type = r.getHeaders() == null ? null : r.getHeaders().get("Content-Type");
        return type != null && type.startsWith("application/json");
    }
}
