package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routes each HTTP function's code serves (read from its Router) and the routes template.yaml declares
 * for it are one and the same set (the local stack's own tests hold its routes to the template too).
 */
class RoutesTest {

    /**
     * Declared in template.yaml and the local stack ahead of the code that serves them (CONTRACT §2.2 and
     * the console). Once the code serves one, its entry here is merely redundant; delete it then.
     */
    private static final Set<String> DECLARED_AHEAD_OF_THE_CODE = Set.of(
            "GET /v1/audit",             // the audit log
            "GET /console/{proxy+}");    // the console page's own files

    private static SamTemplate template;
    private static Map<String, String> served;   // route key → logical id of the function whose code serves it

    @BeforeAll
    static void readCodeAndTemplate() throws Exception {
        template = SamTemplate.ofThisRepository();
        served = new TreeMap<>();
        for (SamTemplate.Function f : template.functions().values()) {
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
        Map<String, SamTemplate.Route> declared = template.routes();

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
}
