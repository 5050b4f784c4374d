package huzhu.checks;

import static huzhu.testing.SamTemplate.list;
import static huzhu.testing.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.error.RateLimited;
import huzhu.http.Edge;
import huzhu.http.Http;
import huzhu.http.Json;
import huzhu.testing.SamTemplate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml and infra/edge/web-acl.yaml read together with the code: one source address cannot use up the
 * public routes, because every request passes a CloudFront distribution whose WAF web ACL limits each address
 * per path group, the HTTP API's route throttles are far above what one address may send there, and the
 * functions refuse what comes around the distribution and see the viewer's own address.
 */
class EdgeTest {
    /** Addresses, each at its web ACL limit, it must take to reach a route's throttle. */
    private static final int ADDRESSES_TO_REACH_A_THROTTLE = 50;
    /** AWS's managed CloudFront policies (their ids are the same in every account). */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private static SamTemplate template;
    private static SamTemplate webAcl;

    /** One rate-based rule of the web ACL. */
    record Rule(String name, long limit, long windowSeconds, Map<String, Object> scopeDown, Map<String, Object> rule) {
        boolean applies(String path) {
            return scopeDown == null || matches(scopeDown, path);
        }
    }

    @BeforeAll
    static void readTheTemplates() {
        template = SamTemplate.ofThisRepository();
        webAcl = template.other("infra/edge/web-acl.yaml");
    }

    @Test
    void theWebAcl_isForCloudFront_andLimitsEachSourceAddress_withA429InTheContractsShape() {
        // given
        Map<String, Object> acl = webAcl.properties("EdgeWebAcl");
        Map<String, Object> bodies = map(acl.get("CustomResponseBodies"));

        // then
        assertThat(acl.get("Scope")).isEqualTo("CLOUDFRONT");
        assertThat(map(acl.get("DefaultAction"))).containsOnlyKeys("Allow");
        assertThat(rules()).isNotEmpty().allSatisfy(rule -> {
            Map<String, Object> rate = map(map(rule.rule().get("Statement")).get("RateBasedStatement"));
            assertThat(rate.get("AggregateKeyType")).as(rule.name()).isEqualTo("IP");
            Map<String, Object> response = map(map(map(rule.rule().get("Action")).get("Block")).get("CustomResponse"));
            assertThat(response.get("ResponseCode")).as(rule.name()).isEqualTo(429);
            assertThat(bodies).as(rule.name()).containsKey((String) response.get("CustomResponseBodyKey"));
            assertThat(headers(response)).as(rule.name()).containsKey("Retry-After");
        });
        assertThat(rules()).as("a rule for every address and path").anyMatch(rule -> rule.scopeDown() == null);
    }

    @Test
    void everyPublicLink_hasARuleOfItsOwn_tighterThanTheOneForEverything() {
        // given: the public routes but the console's own page and files
        List<SamTemplate.Route> links = template.routes().values().stream()
                .filter(SamTemplate.Route::isPublic)
                .filter(r -> !r.routeKey().contains(" /console")).toList();

        // then
        assertThat(links).extracting(SamTemplate.Route::routeKey).contains("POST /v1/triggers/{triggerToken}",
                "GET /v1/triggers/{triggerToken}", "GET /v1/acks/{ackToken}", "POST /v1/acks/{ackToken}",
                "GET /v1/notices/{id}/page");
        long everything = rules().stream().filter(r -> r.scopeDown() == null).mapToLong(EdgeTest::perFiveMinutes)
                .min().orElseThrow();
        for (SamTemplate.Route link : links) {
            List<Rule> own = rules().stream().filter(r -> r.scopeDown() != null && r.applies(samplePath(link)))
                    .toList();
            assertThat(own).as("a rule for %s", link.routeKey()).isNotEmpty();
            assertThat(own).allSatisfy(r -> assertThat(perFiveMinutes(r)).as(r.name()).isLessThan(everything));
        }
        assertThat(rules().stream().filter(r -> r.scopeDown() != null && r.applies("/v1/members"))).isEmpty();
    }

    @Test
    void theWebAclsRefusal_isExactlyTheFunctionsOwnRateLimitedAnswer() throws Exception {
        // given: the body the functions write when their own per-address limit refuses
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /v1/triggers/{triggerToken}");
        APIGatewayV2HTTPResponse functions = Http.serve(event, request -> {
            throw new RateLimited(Duration.ofSeconds(60));
        });

        // when
        JsonNode waf = Json.mapper().readTree((String) map(map(webAcl.properties("EdgeWebAcl")
                .get("CustomResponseBodies")).get("RateLimited")).get("Content"));

        // then
        assertThat(functions.getStatusCode()).isEqualTo(429);
        assertThat(waf).isEqualTo(Json.mapper().readTree(functions.getBody()));
        assertThat(waf.at("/error/message").asText()).startsWith("请求过于频繁").contains("Too many requests");
    }

    @Test
    void everyRouteThrottle_takesAtLeastFiftyAddressesAtTheirWebAclLimit_toReach() {
        // given
        Map<String, Object> api = template.properties("HttpApi");
        Map<String, Object> fallback = map(api.get("DefaultRouteSettings"));
        Map<String, Object> settings = map(api.get("RouteSettings"));

        // then
        assertThat(settings.keySet()).as("route settings name real routes").isSubsetOf(template.routes().keySet());
        for (SamTemplate.Route route : template.routes().values()) {
            Map<String, Object> throttle = settings.containsKey(route.routeKey())
                    ? map(settings.get(route.routeKey())) : fallback;
            long rate = ((Number) throttle.get("ThrottlingRateLimit")).longValue();
            long burst = ((Number) throttle.get("ThrottlingBurstLimit")).longValue();
            long onePerFiveMinutes = rules().stream().filter(r -> r.applies(samplePath(route)))
                    .mapToLong(EdgeTest::perFiveMinutes).min().orElseThrow();
            assertThat(rate * 300).as("%s: requests per 5 minutes the route takes", route.routeKey())
                    .isGreaterThanOrEqualTo(ADDRESSES_TO_REACH_A_THROTTLE * onePerFiveMinutes);
            assertThat(burst).as("%s: burst", route.routeKey()).isGreaterThanOrEqualTo(rate);
        }
    }

    @Test
    void theDistribution_carriesTheWebAcl_cachesNothing_andPassesEverythingButTheHost() {
        // given
        Map<String, Object> config = map(template.properties("EdgeDistribution").get("DistributionConfig"));
        Map<String, Object> behaviour = map(config.get("DefaultCacheBehavior"));

        // then
        assertThat(config.get("Enabled")).isEqualTo(true);
        assertThat(config.get("WebACLId")).isEqualTo(Map.of("Ref", "EdgeWebAclArn"));
        assertThat(config.get("IPV6Enabled")).as("per address means per IPv4 address: one IPv6 sender has a /64")
                .isEqualTo(false);
        assertThat(config).doesNotContainKey("CacheBehaviors");
        assertThat(behaviour.get("CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat(behaviour.get("OriginRequestPolicyId")).isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER);
        assertThat(list(behaviour.get("AllowedMethods"))).contains("GET", "POST", "PUT", "DELETE", "OPTIONS");
        assertThat(behaviour.get("ViewerProtocolPolicy")).isIn("redirect-to-https", "https-only");
        assertThat(list(behaviour.get("FunctionAssociations"))).singleElement().satisfies(f -> {
            assertThat(map(f).get("EventType")).isEqualTo("viewer-request");
            assertThat(map(f).get("FunctionARN")).isEqualTo(Map.of("Fn::GetAtt", List.of("EdgeViewerFunction",
                    "FunctionARN")));
        });
        assertThat(behaviour.get("ResponseHeadersPolicyId")).isEqualTo(Map.of("Ref", "EdgeResponseHeaders"));
        Map<String, Object> hsts = map(map(map(template.properties("EdgeResponseHeaders")
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig")).get("StrictTransportSecurity"));
        assertThat(hsts).containsEntry("AccessControlMaxAgeSec", 63072000).containsEntry("IncludeSubdomains", true);
        assertThat(map(template.document().get("Parameters"))).containsKey("EdgeWebAclArn");
        assertThat(map(map(template.document().get("Parameters")).get("EdgeWebAclArn")))
                .as("no default: a stack without the web ACL does not deploy").doesNotContainKey("Default");
    }

    @Test
    void cloudFront_sendsTheSecretTheHttpFunctionsCheck_andTheViewerHeadersTheyRead() {
        // given
        Map<String, Object> config = map(template.properties("EdgeDistribution").get("DistributionConfig"));
        Map<String, Object> origin = map(list(config.get("Origins")).get(0));
        String code = (String) template.properties("EdgeViewerFunction").get("FunctionCode");

        // then: one origin, the HTTP API, over HTTPS, told the secret
        assertThat(list(config.get("Origins"))).hasSize(1);
        assertThat(origin.get("DomainName")).isEqualTo(Map.of("Fn::Sub",
                "${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
        assertThat(map(origin.get("CustomOriginConfig")).get("OriginProtocolPolicy")).isEqualTo("https-only");
        assertThat(list(origin.get("OriginCustomHeaders"))).singleElement().satisfies(h -> {
            assertThat(((String) map(h).get("HeaderName")).toLowerCase(Locale.ROOT)).isEqualTo(Edge.SECRET_HEADER);
            assertThat(map(h).get("HeaderValue")).isEqualTo(Map.of("Fn::Sub",
                    "{{resolve:secretsmanager:${EdgeOriginSecret}}}"));
        });
        assertThat(code).contains("'" + Edge.VIEWER_ADDRESS_HEADER + "'] = { value: event.viewer.ip }")
                .contains("'" + Edge.VIEWER_HOST_HEADER + "']");

        // and every function serving HTTP routes knows where the secret is and may read it
        List<String> httpFunctions = template.routes().values().stream().map(SamTemplate.Route::function).distinct()
                .toList();
        assertThat(httpFunctions).contains("TriggerFunction", "AckFunction", "ConsoleApiFunction");
        for (String function : httpFunctions) {
            assertThat(template.functions().get(function).environment())
                    .as(function).containsEntry(Edge.SECRET_VARIABLE, Map.of("Ref", "EdgeOriginSecret"));
            assertThat(list(template.properties(function).get("Policies"))).as(function)
                    .contains(Map.of("Ref", "EdgeSecretPolicy"));
        }
    }

    @Test
    void nothingPublishesTheApisOwnAddress_linksAndOutputsUseTheDistribution() {
        // then: no output, and no function's environment, names the execute-api address
        assertThat(String.valueOf(template.document().get("Outputs"))).doesNotContain("execute-api");
        template.functions().values().forEach(f -> assertThat(String.valueOf(f.environment())).as(f.logicalId())
                .doesNotContain("execute-api"));
        assertThat(String.valueOf(template.properties("UserPoolClient"))).doesNotContain("execute-api");
        // the only mention is CloudFront's origin
        Map<String, Object> others = new HashMap<>(template.resources());
        others.remove("EdgeDistribution");
        assertThat(String.valueOf(others)).doesNotContain("execute-api");
    }

    // ---- the web ACL's rules, and the few statements they use, evaluated on a path

    private static List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        for (Object o : list(webAcl.properties("EdgeWebAcl").get("Rules"))) {
            Map<String, Object> rule = map(o);
            Map<String, Object> rate = map(map(rule.get("Statement")).get("RateBasedStatement"));
            Object scope = rate.get("ScopeDownStatement");
            out.add(new Rule((String) rule.get("Name"), ((Number) rate.get("Limit")).longValue(),
                    ((Number) rate.getOrDefault("EvaluationWindowSec", 300)).longValue(),
                    scope == null ? null : map(scope), rule));
        }
        return out;
    }

    /** The rule's limit as requests per 5 minutes, whatever its evaluation window. */
    private static long perFiveMinutes(Rule rule) {
        return rule.limit() * 300 / rule.windowSeconds();
    }

    private static String samplePath(SamTemplate.Route route) {
        return route.routeKey().substring(route.routeKey().indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
    }

    private static Map<String, String> headers(Map<String, Object> customResponse) {
        Map<String, String> out = new HashMap<>();
        for (Object h : list(customResponse.getOrDefault("ResponseHeaders", List.of()))) {
            out.put((String) map(h).get("Name"), (String) map(h).get("Value"));
        }
        return out;
    }

    static boolean matches(Map<String, Object> statement, String path) {
        if (statement.containsKey("AndStatement")) {
            return list(map(statement.get("AndStatement")).get("Statements")).stream()
                    .allMatch(s -> matches(map(s), path));
        }
        if (statement.containsKey("OrStatement")) {
            return list(map(statement.get("OrStatement")).get("Statements")).stream()
                    .anyMatch(s -> matches(map(s), path));
        }
        if (statement.containsKey("NotStatement")) {
            return !matches(map(map(statement.get("NotStatement")).get("Statement")), path);
        }
        Map<String, Object> match = map(statement.get("ByteMatchStatement"));
        assertThat(map(match.get("FieldToMatch"))).as("the checks read URI paths only").containsOnlyKeys("UriPath");
        String value = path;
        for (Object t : list(match.get("TextTransformations"))) {
            String type = (String) map(t).get("Type");
            if (type.equals("URL_DECODE")) value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            else if (type.equals("LOWERCASE")) value = value.toLowerCase(Locale.ROOT);
            else assertThat(type).as("a transformation the checks know").isEqualTo("NONE");
        }
        String search = (String) match.get("SearchString");
        return switch ((String) match.get("PositionalConstraint")) {
            case "STARTS_WITH" -> value.startsWith(search);
            case "ENDS_WITH" -> value.endsWith(search);
            case "EXACTLY" -> value.equals(search);
            case "CONTAINS" -> value.contains(search);
            default -> throw new AssertionError("a positional constraint the checks do not know: " + match);
        };
    }
}
