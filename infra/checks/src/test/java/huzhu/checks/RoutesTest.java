package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.local.LocalRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routes each HTTP function's code serves (read from its Router), the routes template.yaml declares
 * for it, and the routes the local stack answers are one and the same set.
 */
class RoutesTest {

    /**
     * Declared in template.yaml and the local stack ahead of the code that serves them (CONTRACT §2.2 and
     * the console's routes). Once the code serves one, its entry here is merely redundant; delete it then.
     */
    private static final Set<String> DECLARED_AHEAD_OF_THE_CODE = Set.of(
            "GET /v1/audit",             // the audit log
            "GET /console/{proxy+}");    // the console page's own files

    private static Template template;
    private static Map<String, String> served;   // route key → logical id of the function whose code serves it

    @BeforeAll
    static void readCodeAndTemplate() throws Exception {
        template = Template.ofThisRepository();
        served = new TreeMap<>();
        for (Template.Function f : template.functions().values()) {
            Optional<List<String>> keys = Handlers.routeKeys(f.handlerClass());
            keys.ifPresent(list -> list.forEach(key -> {
                String before = served.put(key, f.logicalId());
                assertThat(before).as("route %s served by two functions", key).isNull();
            }));
        }
    }

    @Test
    void everyRouteAFunctionsCodeServes_isDeclaredInTheTemplate_forThatFunction() {
        // given
        Map<String, Template.Route> declared = template.routes();

        // then
        assertThat(served).as("routes read from the handlers' routers").isNotEmpty();
        served.forEach((key, function) -> {
            assertThat(declared).as("template.yaml declares %s (served by %s)", key, function).containsKey(key);
            assertThat(declared.get(key).function()).as("function behind %s", key).isEqualTo(function);
        });
    }

    @Test
    void everyRouteTheTemplateDeclares_isServedByThatFunctionsCode() {
        // given
        Set<String> unserved = new TreeSet<>(template.routes().keySet());

        // when
        unserved.removeAll(served.keySet());

        // then
        assertThat(unserved).as("routes in template.yaml that no handler serves")
                .isSubsetOf(DECLARED_AHEAD_OF_THE_CODE);
    }

    @Test
    void theLocalStack_answersExactlyTheTemplatesRoutes_withTheSameFunctionAndAuthorizer() {
        // given: the template's functions by the module their jar comes from (functions/<module>/target/…)
        Map<String, String> moduleOf = new TreeMap<>();
        template.functions().values().forEach(f -> moduleOf.put(f.logicalId(),
                template.root().relativize(f.jar()).getName(1).toString()));
        Map<String, String> templateRoutes = new TreeMap<>();
        template.routes().values().forEach(r -> templateRoutes.put(r.routeKey(),
                moduleOf.get(r.function()) + (r.isPublic() ? " public" : " jwt")));

        // when
        Map<String, String> localRoutes = new TreeMap<>();
        for (LocalRoutes.Route r : LocalRoutes.DEFAULT.routes()) {
            if (!r.target().isFunction()) continue;
            localRoutes.put(r.routeKey(), r.target().function() + (r.auth() == LocalRoutes.Auth.PUBLIC ? " public" : " jwt"));
        }

        // then
        assertThat(localRoutes).isEqualTo(templateRoutes);
    }
}
