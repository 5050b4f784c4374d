package huzhu.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every route the local server answers, in one place: the HTTP API's routes as template.yaml declares
 * them (route key = method + path template, the function behind it, whether the JWT authorizer guards
 * it) and the local-only routes of CONTRACT §6. The first declared route that matches wins, so literal
 * paths are declared before templated ones where both could match.
 */
public final class LocalRoutes {

    /** Where a request goes. */
    public enum Target {
        TRIGGER("trigger"),
        ACK("ack"),
        CONSOLE_API("console-api"),
        PROVIDER_PUSH("sms-inbound"),
        LOCAL_SMS_INBOUND(null),
        LOCAL_SMS_OUTBOX(null),
        LOCAL_GROUP_POSTS(null),
        LOCAL_ESCALATION_RUN(null),
        LOCAL_HEALTH(null);

        private final String function;

        Target(String function) {
            this.function = function;
        }

        /** The template.yaml function behind an API Gateway route, null for a local-only route. */
        public String function() {
            return function;
        }

        public boolean isFunction() {
            return function != null;
        }
    }

    public enum Auth { PUBLIC, JWT, LOCAL }

    public record Route(String method, String pathTemplate, Target target, Auth auth) {
        public String routeKey() {
            return method + " " + pathTemplate;
        }
    }

    /** A matched route and its path parameters (decoded), null when the template has none. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    public sealed interface Lookup permits Found, MethodNotAllowed, NotFound {
    }

    public record Found(Match match) implements Lookup {
    }

    public record MethodNotAllowed(Set<String> allowed) implements Lookup {
    }

    public record NotFound() implements Lookup {
    }

    public static final LocalRoutes DEFAULT = new LocalRoutes(defaultRoutes());

    private final List<Route> routes;

    public LocalRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** @param path the decoded request path, e.g. {@code /v1/members/01h…} */
    public Lookup find(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route.pathTemplate(), path);
            if (params == null) continue;
            if (route.method().equals(method)) {
                return new Found(new Match(route, params.isEmpty() ? null : params));
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
    }

    /** @return the path parameters, or null if the path does not fit the template */
    static Map<String, String> match(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            boolean greedy = w.startsWith("{") && w.endsWith("+}");
            if (greedy) {
                if (i >= got.length) return null;
                String rest = String.join("/", List.of(got).subList(i, got.length));
                if (rest.isEmpty()) return null;
                params.put(w.substring(1, w.length() - 2), rest);
                return params;
            }
            if (i >= got.length) return null;
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got[i].isEmpty()) return null;
                params.put(w.substring(1, w.length() - 1), got[i]);
            } else if (!w.equals(got[i])) {
                return null;
            }
        }
        return want.length == got.length ? params : null;
    }

    private static List<Route> defaultRoutes() {
        List<Route> r = new ArrayList<>();
        // public routes (CONTRACT §2.1)
        r.add(new Route("POST", "/v1/triggers/{triggerToken}", Target.TRIGGER, Auth.PUBLIC));
        r.add(new Route("GET", "/v1/triggers/{triggerToken}", Target.TRIGGER, Auth.PUBLIC));
        // the member's own page's data, under the same token
        for (String part : List.of("notices", "guide", "applications", "contacts")) {
            r.add(new Route("GET", "/v1/triggers/{triggerToken}/" + part, Target.TRIGGER, Auth.PUBLIC));
        }
        r.add(new Route("POST", "/v1/triggers/{triggerToken}/applications", Target.TRIGGER, Auth.PUBLIC));
        r.add(new Route("POST", "/v1/triggers/{triggerToken}/contacts", Target.TRIGGER, Auth.PUBLIC));
        r.add(new Route("GET", "/v1/acks/{ackToken}", Target.ACK, Auth.PUBLIC));
        r.add(new Route("POST", "/v1/acks/{ackToken}", Target.ACK, Auth.PUBLIC));
        r.add(new Route("GET", "/console", Target.CONSOLE_API, Auth.PUBLIC));
        r.add(new Route("GET", "/console/{proxy+}", Target.CONSOLE_API, Auth.PUBLIC));
        // the domestic SMS provider's pushes (the push token is the last segment)
        r.add(new Route("POST", "/v1/sms/{provider}/replies/{pushToken}", Target.PROVIDER_PUSH, Auth.PUBLIC));
        r.add(new Route("POST", "/v1/sms/{provider}/reports/{pushToken}", Target.PROVIDER_PUSH, Auth.PUBLIC));
        // the page a long notice's SMS links to
        r.add(new Route("GET", "/v1/notices/{id}/page", Target.CONSOLE_API, Auth.PUBLIC));
        // console routes (CONTRACT §2.2), all behind the JWT authorizer
        console(r, "/v1/me", "GET");
        // literal paths before /{id}: POST /v1/members/import is no member id
        console(r, "/v1/members/import", "POST");
        console(r, "/v1/members/introductions", "POST");
        console(r, "/v1/members/facets", "GET");
        console(r, "/v1/volunteers/import", "POST");
        for (String kind : List.of("members", "volunteers", "leaders")) {
            console(r, "/v1/" + kind, "GET", "POST");
            console(r, "/v1/" + kind + "/{id}", "GET", "PUT", "DELETE");
        }
        console(r, "/v1/members/{id}/trigger-link", "GET", "POST");
        console(r, "/v1/escalation-policy", "GET", "PUT");
        console(r, "/v1/duty-roster", "GET", "PUT");
        console(r, "/v1/incidents", "GET", "POST");
        console(r, "/v1/incidents/{id}", "GET");
        for (String action : List.of("acknowledge", "notes", "escalate", "resolve", "cancel", "assign", "repage",
                "messages")) {
            console(r, "/v1/incidents/{id}/" + action, "POST");
        }
        console(r, "/v1/incidents/{id}/followups", "GET", "POST");
        console(r, "/v1/followups", "GET");
        console(r, "/v1/followups/{id}", "GET", "PUT");
        console(r, "/v1/surges", "GET");
        console(r, "/v1/reports/summary", "GET");
        console(r, "/v1/reports/coverage", "GET");
        console(r, "/v1/audit", "GET");
        // family introductions, notices, assistance applications (literal paths before /{id})
        console(r, "/v1/members/{id}/introductions", "POST");
        console(r, "/v1/notices/preview", "POST");
        console(r, "/v1/notices", "GET", "POST");
        console(r, "/v1/notices/{id}", "GET", "PUT");
        console(r, "/v1/notices/{id}/send", "POST");
        console(r, "/v1/notices/{id}/cancel", "POST");
        console(r, "/v1/notices/{id}/deliveries", "GET");
        console(r, "/v1/notices/{id}/replies", "GET");
        console(r, "/v1/applications", "GET", "POST");
        console(r, "/v1/applications/{id}", "GET", "PUT");
        for (String step : List.of("review", "approve", "reject", "pay")) {
            console(r, "/v1/applications/{id}/" + step, "POST");
        }
        console(r, "/v1/reports/applications", "GET");
        console(r, "/v1/exports/{kind}", "GET");
        console(r, "/v1/templates/{kind}", "GET");
        // the union's own work: deaths in members' families, care rounds, contact changes, the assistance guide
        console(r, "/v1/bereavements", "POST");
        console(r, "/v1/care-rounds", "GET", "POST");
        console(r, "/v1/care-rounds/{id}", "GET");
        console(r, "/v1/care-rounds/{id}/fill", "POST");
        console(r, "/v1/contact-requests", "GET");
        console(r, "/v1/contact-requests/{id}", "GET");
        console(r, "/v1/contact-requests/{id}/approve", "POST");
        console(r, "/v1/contact-requests/{id}/reject", "POST");
        console(r, "/v1/assistance-guide", "GET", "PUT");
        // the SMS template registration sheet (admins)
        console(r, "/v1/sms/templates", "GET");
        // local-only routes (CONTRACT §6), never deployed
        r.add(new Route("POST", "/local/sms/inbound", Target.LOCAL_SMS_INBOUND, Auth.LOCAL));
        r.add(new Route("GET", "/local/sms/outbox", Target.LOCAL_SMS_OUTBOX, Auth.LOCAL));
        r.add(new Route("GET", "/local/group/posts", Target.LOCAL_GROUP_POSTS, Auth.LOCAL));
        r.add(new Route("POST", "/local/escalation/run", Target.LOCAL_ESCALATION_RUN, Auth.LOCAL));
        r.add(new Route("GET", "/local/health", Target.LOCAL_HEALTH, Auth.LOCAL));
        return r;
    }

    private static void console(List<Route> routes, String path, String... methods) {
        for (String method : methods) routes.add(new Route(method, path, Target.CONSOLE_API, Auth.JWT));
    }
}
