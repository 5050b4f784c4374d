package huzhu.console;

import static huzhu.console.Bodies.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.console.ConsoleCalls.Reply;
import huzhu.core.audit.AuditEntry;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.InMemoryStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the route × caller tables check of each call: every route called as every kind of caller ({@link As}); a
 * caller the route's {@link Access} turns away is refused in the contract's error body, and a personal read leaves
 * its audit entry.
 */
final class RouteByRole {
    /** The signed-in user of the JWT fixture. */
    static final String FIXTURE_USER_ID = "8c1e5a2b-7d3f-4e6a-9b0c-1d2e3f4a5b6c";
    static final String FIXTURE_USER_NAME = "wang.fang@union.example";

    private RouteByRole() {
    }

    /** A row of a route table: how the route is called, whom it lets in, what it answers them. */
    interface Route {
        String method();

        Access access();

        int success();
    }

    /** Each route once as each kind of caller. */
    static Stream<Arguments> asEveryCaller(List<?> routes) {
        return routes.stream().flatMap(r -> Stream.of(As.values()).map(as -> Arguments.of(r, as)));
    }

    /**
     * A caller the route lets in gets its success — no body with a 204, JSON from a route behind sign-in — and a read
     * leaves the audit entry {@code personalReads} lists for it, or none; any other caller is refused.
     */
    static void assertAnswersByRole(Route route, As as, Reply reply, InMemoryStore store,
            Map<String, String> personalReads, int auditedBefore) throws Exception {
        if (!route.access().allows(as)) {
            assertRefused(reply, as);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(route.success());
        if (route.success() == 204) assertThat(reply.body()).isEmpty();
        else if (route.access() != Access.PUBLIC) assertThat(reply.json()).as(reply.body()).isNotNull();
        if (route.method().equals("GET")) assertReadAudited(store, route, personalReads, auditedBefore);
    }

    /** No claims: 401 with the Bearer challenge; a role the route does not let in: 403 saying so. */
    private static void assertRefused(Reply reply, As as) throws Exception {
        if (as == As.NO_CLAIMS) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(contractError(reply).get("code").asText()).isEqualTo("unauthorized");
        } else {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(contractError(reply).get("code").asText()).isEqualTo("forbidden");
            assertThat(contractError(reply).get("message").asText()).contains("无权");
        }
    }

    /**
     * The audit entry a read of {@code route} leaves, as {@code personalReads} lists it — action, kind of record, how
     * many ({@code *}: any), and optionally what the label holds — or none for a read that is not listed.
     */
    private static void assertReadAudited(InMemoryStore store, Route route, Map<String, String> personalReads,
            int auditedBefore) {
        List<AuditEntry> entries = auditEntries(store);
        String expected = personalReads.get(route.toString());
        if (expected == null) {
            assertThat(entries).as("%s reads no personal data", route).hasSize(auditedBefore);
            return;
        }
        String[] e = expected.split(" ");
        assertThat(entries).as("%s is audited", route).hasSize(auditedBefore + 1);
        AuditEntry entry = entries.get(0);
        assertThat(entry.actorId()).isEqualTo(FIXTURE_USER_ID);
        assertThat(entry.actorName()).isEqualTo(FIXTURE_USER_NAME);
        assertThat(entry.action()).isEqualTo(e[0]);
        assertThat(entry.targetKind()).isEqualTo(e[1]);
        if (!e[2].equals("*")) assertThat(entry.count()).isEqualTo(Integer.parseInt(e[2]));
        else assertThat(entry.count()).isNotNull();
        if (e.length > 3) assertThat(entry.targetLabel()).contains(e[3]);
    }

    /** The audit log, newest first. */
    static List<AuditEntry> auditEntries(InMemoryStore store) {
        return store.audit().list(null, null, PageRequest.first(200)).items();
    }

    /** The error of the contract's body: {@code {"error": {"code", "message", "fields": {...}}}} and nothing else. */
    static JsonNode contractError(Reply reply) throws Exception {
        JsonNode body = reply.json();
        assertThat(body).as("a JSON error body: %s", reply.body()).isNotNull();
        assertThat(fieldNames(body)).containsExactly("error");
        JsonNode error = body.get("error");
        assertThat(fieldNames(error)).containsExactlyInAnyOrder("code", "message", "fields");
        assertThat(error.get("fields").isObject()).isTrue();
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }
}
