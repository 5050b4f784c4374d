package huzhu.local.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.core.incident.ReplyGrammar;
import huzhu.core.kernel.Text;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Anything at all, sent to every public route, the SMS handler and the console's write routes. Whatever
 * arrives — arbitrary JSON, the wrong types, huge strings, invalid UTF-8, unknown ids, dead or forged or
 * replayed tokens — the answer is never a 5xx, always the contract's error body when refused, and a refusal
 * changes no stored data and sends no SMS. (Rate-limit slots and idempotency records are bookkeeping a
 * refusal is meant to write; the data snapshot leaves them out.) What the handlers log is read, not printed
 * ({@link HandlerLogs}): no failure and no phone number or address in full.
 */
@AddLifecycleHook(HandlerLogs.class)
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("type", "message", "reporterName", "reporterPhone", "location",
            "address", "lat", "lon", "action", "name", "phone", "unit", "homeArea", "city", "district", "homeAddress",
            "familyContacts", "relation", "language", "area", "skills", "onDuty", "maxActive", "email", "title",
            "level", "levels", "notify", "timeoutSeconds", "repeat", "maxRecipients", "leaderLevel", "memberId",
            "text", "outcome", "notes", "reason", "kind", "dueDate", "doneDate", "visitors", "amount", "status");

    // ------------------------------------------------------------------ the public routes

    @Property(tries = 1000)
    void triggerPost_anyBodyAnyToken_neverA5xx_andARefusalChangesNothing(@ForAll("triggerTokens") TokenCase token,
            @ForAll("bodies") Body body, @ForAll("idempotencyKeys") String key) throws Exception {
        SmallUnion union = new SmallUnion();
        String t = token.pick(union);
        Map<String, String> headers = key == null ? Map.of() : Map.of("idempotency-key", key);
        APIGatewayV2HTTPEvent event = SmallUnion.event("POST", "/v1/triggers/{triggerToken}", "/v1/triggers/" + t,
                Map.of("triggerToken", t), null, headers, body.text(), body.base64(), null);

        APIGatewayV2HTTPResponse r = answerChecked(union, () -> union.trigger.handleRequest(event, null));

        if (r.getStatusCode() == 201) assertThat(token.valid()).isTrue();
        if (!token.valid()) assertThat(r.getStatusCode()).isIn(400, 404, 413, 422, 429);
    }

    @Property(tries = 500)
    void triggerPage_anyToken_neverA5xx(@ForAll("triggerTokens") TokenCase token, @ForAll boolean html) throws Exception {
        SmallUnion union = new SmallUnion();
        String t = token.pick(union);
        APIGatewayV2HTTPEvent event = SmallUnion.event("GET", "/v1/triggers/{triggerToken}", "/v1/triggers/" + t,
                Map.of("triggerToken", t), null, html ? Map.of("accept", "text/html") : Map.of(), null, false, null);

        APIGatewayV2HTTPResponse r = answerChecked(union, () -> union.trigger.handleRequest(event, null));

        assertThat(r.getStatusCode()).isEqualTo(token.valid() ? 200 : 404);
    }

    @Property(tries = 500)
    void ackPage_anyToken_opensOnlyALiveLink_neverA5xx(@ForAll("ackTokens") TokenCase token, @ForAll boolean html)
            throws Exception {
        SmallUnion union = new SmallUnion();
        String t = token.pick(union);
        APIGatewayV2HTTPEvent event = SmallUnion.event("GET", "/v1/acks/{ackToken}", "/v1/acks/" + t,
                Map.of("ackToken", t), null, html ? Map.of("accept", "text/html") : Map.of(), null, false, null);

        APIGatewayV2HTTPResponse r = answerChecked(union, () -> union.ack.handleRequest(event, null));

        assertThat(r.getStatusCode()).isEqualTo(token.valid() ? 200 : 404);
    }

    @Property(tries = 1000)
    void ackPost_anyBodyAnyToken_actsOnlyForALiveLink_neverA5xx(@ForAll("ackTokens") TokenCase token,
            @ForAll("ackBodies") Body body) throws Exception {
        SmallUnion union = new SmallUnion();
        String t = token.pick(union);
        APIGatewayV2HTTPEvent event = SmallUnion.event("POST", "/v1/acks/{ackToken}", "/v1/acks/" + t,
                Map.of("ackToken", t), null, Map.of(), body.text(), body.base64(), null);

        APIGatewayV2HTTPResponse r = answerChecked(union, () -> union.ack.handleRequest(event, null));

        if (!token.valid()) assertThat(r.getStatusCode()).isIn(400, 404, 413, 422, 429);
    }

    @Property(tries = 500)
    void ackPost_replayed_answersTheSame_andChangesNothingMore(@ForAll("actions") String action) throws Exception {
        SmallUnion union = new SmallUnion();
        String t = union.ackToken(union.open, "v-1");
        APIGatewayV2HTTPEvent event = SmallUnion.event("POST", "/v1/acks/{ackToken}", "/v1/acks/" + t,
                Map.of("ackToken", t), null, Map.of(), "{\"action\":\"" + action + "\"}", false, null);
        APIGatewayV2HTTPResponse first = union.ack.handleRequest(event, null);
        InMemoryStore.Snapshot afterFirst = union.store.snapshot();
        int smsAfterFirst = union.sms.attempts().size();

        APIGatewayV2HTTPResponse again = answerChecked(union, () -> union.ack.handleRequest(event, null));

        assertThat(again.getStatusCode()).isEqualTo(first.getStatusCode());
        if (!action.equals("decline")) {
            // a second decline may move the level on when everyone declined; accept, arrived, done are idempotent
            assertThat(union.store.snapshot()).isEqualTo(afterFirst);
            assertThat(union.sms.attempts()).hasSize(smsAfterFirst);
        }
    }

    // ------------------------------------------------------------------ SMS

    @Property(tries = 1000)
    void inboundSms_anything_neverFails_andARedeliveryChangesNothing(@ForAll("snsMessages") String message)
            throws Exception {
        SmallUnion union = new SmallUnion();
        SNSEvent event = snsEvent(message);

        union.inbound.handleRequest(event, null);
        InMemoryStore.Snapshot once = union.store.snapshot();
        int sent = union.sms.attempts().size();
        union.inbound.handleRequest(event, null);

        assertThat(union.store.snapshot()).as("a redelivered SMS").isEqualTo(once);
        assertThat(union.sms.attempts()).hasSize(sent);
        assertThat(union.store.directory().members().all()).as("no SMS changes the directory's members")
                .extracting(m -> m.phone()).containsExactly(Fixtures.phone(1));
    }

    @Property(tries = 3000)
    void replyGrammar_anyText_neverThrows_andReadsTheSameOnceCleaned(@ForAll("smsTexts") String body) {
        String cleaned = Text.clean(body);
        assertThat(ReplyGrammar.read(cleaned)).isEqualTo(ReplyGrammar.read(Text.clean(cleaned)));
        ReplyGrammar.isStop(cleaned);
        ReplyGrammar.isHelpRequest(cleaned);
        ReplyGrammar.read(body);
    }

    // ------------------------------------------------------------------ console bodies

    record ConsoleRoute(String method, String template, String path, Map<String, String> params) {
    }

    @Property(tries = 1500)
    void consoleWrites_anyBody_neverA5xx_andARefusalChangesNothing(@ForAll("consoleRoutes") ConsoleRoute route,
            @ForAll("bodies") Body body) throws Exception {
        SmallUnion union = new SmallUnion();
        APIGatewayV2HTTPEvent event = SmallUnion.event(route.method(), route.template(), route.path(), route.params(),
                null, Map.of(), body.text(), body.base64(), SmallUnion.admin());

        answerChecked(union, () -> union.console.handleRequest(event, null));
    }

    @Property(tries = 500)
    void consoleReads_anyQueryAnyId_neverA5xx(@ForAll("consoleReads") ConsoleRoute route,
            @ForAll("queries") Map<String, String> query) throws Exception {
        SmallUnion union = new SmallUnion();
        APIGatewayV2HTTPEvent event = SmallUnion.event(route.method(), route.template(), route.path(), route.params(),
                query, Map.of(), null, false, SmallUnion.admin());

        APIGatewayV2HTTPResponse r = answerChecked(union, () -> union.console.handleRequest(event, null));

        assertThat(r.getStatusCode()).isIn(200, 400, 404, 422);
    }

    // ------------------------------------------------------------------ the invariants

    interface Call {
        APIGatewayV2HTTPResponse run() throws Exception;
    }

    /** Runs the call and checks what every answer must be; returns it for the property's own checks. */
    private static APIGatewayV2HTTPResponse answerChecked(SmallUnion union, Call call) throws Exception {
        InMemoryStore.Snapshot before = union.store.snapshot();
        int smsBefore = union.sms.attempts().size();

        APIGatewayV2HTTPResponse r = call.run();

        assertThat(r.getStatusCode()).as(r.getBody()).isBetween(200, 499);
        if (r.getStatusCode() >= 400) {
            assertThat(union.store.snapshot()).as("a %d changed stored data", r.getStatusCode()).isEqualTo(before);
            assertThat(union.sms.attempts()).as("a %d sent SMS", r.getStatusCode()).hasSize(smsBefore);
            if (SmallUnion.isJson(r)) assertErrorShape(r.getBody());
            else assertThat(r.getBody()).startsWith("<!doctype html>");
            if (r.getStatusCode() == 429) assertThat(r.getHeaders()).containsKey("Retry-After");
        }
        return r;
    }

    static void assertErrorShape(String body) throws Exception {
        JsonNode json = JSON.readTree(body);
        assertThat(json.isObject()).isTrue();
        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("error");
        JsonNode error = json.get("error");
        assertThat(error.get("code").isTextual()).isTrue();
        assertThat(error.get("code").asText()).matches("[a-z_]+");
        assertThat(error.get("message").isTextual()).isTrue();
        assertThat(error.get("message").asText()).isNotBlank();
        if (error.has("fields")) {
            assertThat(error.get("fields").isObject()).isTrue();
            for (Iterator<JsonNode> it = error.get("fields").elements(); it.hasNext(); ) {
                assertThat(it.next().isTextual()).isTrue();
            }
        }
    }

    private static SNSEvent snsEvent(String message) {
        SNSEvent.SNS sns = new SNSEvent.SNS();
        sns.setMessageId("sns-1");
        sns.setTopicArn("arn:aws:sns:ap-east-1:123456789012:huzhu-inbound");
        sns.setType("Notification");
        sns.setMessage(message);
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        record.setSns(sns);
        record.setEventSource("aws:sns");
        SNSEvent event = new SNSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    // ------------------------------------------------------------------ what is sent

    /** A token and whether it should open anything. */
    record TokenCase(String label, Function<SmallUnion, String> token, boolean valid) {
        String pick(SmallUnion union) {
            return token.apply(union);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    record Body(String text, boolean base64, String label) {
        @Override
        public String toString() {
            return label + ": " + (text == null ? "null" : text.length() > 120 ? text.substring(0, 120) + "…" : text);
        }
    }

    @Provide
    Arbitrary<TokenCase> triggerTokens() {
        return Arbitraries.oneOf(
                Arbitraries.just(new TokenCase("the member's link", u -> u.triggerToken, true)),
                Arbitraries.just(new TokenCase("the rotated-away link", u -> u.oldTriggerToken, false)),
                junkTokens().map(s -> new TokenCase("junk " + s, u -> s, false)));
    }

    @Provide
    Arbitrary<TokenCase> ackTokens() {
        return Arbitraries.oneOf(
                Arbitraries.just(new TokenCase("v-1's live link", u -> u.ackToken(u.open, "v-1"), true)),
                Arbitraries.just(new TokenCase("v-2's live link", u -> u.ackToken(u.open, "v-2"), true)),
                Arbitraries.just(new TokenCase("a closed incident's link (replayed)",
                        u -> u.ackToken(u.closed, "v-1"), false)),
                Arbitraries.just(new TokenCase("not alerted for it", u -> u.ackToken(u.open, "l-1"), false)),
                Arbitraries.strings().withCharRange('A', 'Z').withChars("-_").numeric().ofLength(10)
                        .map(mac -> new TokenCase("forged MAC " + mac, u -> u.open.code() + mac, false)),
                junkTokens().map(s -> new TokenCase("junk " + s, u -> s, false)));
    }

    private static Arbitrary<String> junkTokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0020', '\u007e').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(1).ofMaxLength(20),
                Arbitraries.integers().between(100, 5000).map("A"::repeat));
    }

    @Provide
    Arbitrary<String> idempotencyKeys() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().alpha().numeric().ofMaxLength(20),
                Arbitraries.integers().between(190, 400).map("k"::repeat));
    }

    @Provide
    Arbitrary<String> actions() {
        return Arbitraries.of("accept", "decline", "arrived", "done");
    }

    @Provide
    Arbitrary<Body> ackBodies() {
        Arbitrary<Body> actionBodies = Combinators.combine(Arbitraries.of("accept", "decline", "arrived", "done",
                " ACCEPT ", "Done", "maybe", "", "接"), Arbitraries.of(true, false))
                .as((a, extra) -> new Body(extra ? "{\"action\":\"" + a + "\",\"x\":1}" : "{\"action\":\"" + a + "\"}",
                        false, "action"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, actionBodies), net.jqwik.api.Tuple.of(7, bodies()));
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<Body> json = jsonValue(3).map(v -> new Body(write(v), false, "json"));
        Arbitrary<Body> objects = jsonObject(3).map(v -> new Body(write(v), false, "object"));
        Arbitrary<Body> text = anyText(300).map(s -> new Body(s, false, "text"));
        Arbitrary<Body> huge = Arbitraries.integers().between(60_000, 70_000)
                .map(n -> new Body("{\"message\":\"" + "急".repeat(n / 3) + "\"}", false, "huge"));
        Arbitrary<Body> badUtf8 = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
                .map(b -> new Body(Base64.getEncoder().encodeToString(b), true, "base64 bytes"));
        Arbitrary<Body> badUtf8InJson = Arbitraries.bytes().between((byte) 0x80, (byte) 0xff).array(byte[].class)
                .ofMinSize(1).ofMaxSize(8).map(b -> {
                    byte[] head = "{\"message\":\"".getBytes(StandardCharsets.UTF_8);
                    byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
                    byte[] all = new byte[head.length + b.length + tail.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(b, 0, all, head.length, b.length);
                    System.arraycopy(tail, 0, all, head.length + b.length, tail.length);
                    return new Body(Base64.getEncoder().encodeToString(all), true, "invalid UTF-8 in JSON");
                });
        Arbitrary<Body> notBase64 = anyText(50).map(s -> new Body(s + "%%", true, "not base64"));
        Arbitrary<Body> empty = Arbitraries.of(new Body(null, false, "none"), new Body("", false, "empty"),
                new Body("null", false, "null"), new Body("{}", false, "{}"), new Body("[]", false, "[]"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, objects), net.jqwik.api.Tuple.of(2, json),
                net.jqwik.api.Tuple.of(2, text), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(1, badUtf8),
                net.jqwik.api.Tuple.of(1, badUtf8InJson), net.jqwik.api.Tuple.of(1, notBase64),
                net.jqwik.api.Tuple.of(1, empty));
    }

    private Arbitrary<Object> jsonValue(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                anyText(60).map(s -> (Object) s),
                phones().map(s -> (Object) s),
                Arbitraries.integers().between(200, 5000).map(n -> (Object) "长".repeat(n)),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.MAX_VALUE, -0.0, 1e-300, 90.0000001, -180.5).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.of("accept", "medical", "fire", "visit", "planned", "done", "en", "zh-CN", "leaders",
                        "nearby-volunteers", "2026-03-09", "2026-13-45", "m-1", "inc-open", "v-1")
                        .map(s -> (Object) s));
        if (depth <= 0) return leaf;
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, leaf),
                net.jqwik.api.Tuple.of(2, jsonObject(depth - 1).map(m -> (Object) m)),
                net.jqwik.api.Tuple.of(2, jsonValue(depth - 1).list().ofMaxSize(12).map(l -> (Object) l)));
    }

    record Field(String name, Object value) {
    }

    /**
     * Up to eight fields, built from a list of them rather than by {@code Arbitraries.maps}: jqwik draws a map's values
     * by flatMap from its keys, a new arbitrary every try, which floods its generator cache until every parameter's
     * edge cases are worked out again try after try (three quarters of this class's time went on it).
     */
    private Arbitrary<Map<String, Object>> jsonObject(int depth) {
        Arbitrary<String> keys = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.of(FIELDS)),
                net.jqwik.api.Tuple.of(1, anyText(20)));
        Arbitrary<Object> values = depth <= 0 ? jsonValue(0) : jsonValue(depth - 1);
        return Combinators.combine(keys, values).as(Field::new).list().ofMaxSize(8).map(fields -> {
            Map<String, Object> object = new LinkedHashMap<>();
            fields.forEach(f -> object.putIfAbsent(f.name(), f.value()));
            return object;
        });
    }

    private static Arbitrary<String> phones() {
        return Arbitraries.oneOf(Arbitraries.of("13800138000", "+8613800000011", "１３８００１３８０００", "010-12345678",
                        "+1 415 555 2671", "12345", "+", "tel:13800138000", "138 0013 8000 ext 2"),
                Arbitraries.strings().numeric().withChars("+- ()").ofMinLength(1).ofMaxLength(25));
    }

    /** Printable, CJK, full-width, controls, format characters, emoji: no lone surrogates (JSON cannot carry them). */
    private static Arbitrary<String> anyText(int max) {
        return Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u0080', '\u00ff')
                .withCharRange('\u4e00', '\u4fff').withCharRange('\uff01', '\uff5e').withChars('\u200b', '\u202e',
                        '\ufeff', '\u3000', '\u2028')
                .ofMaxLength(max)
                .injectDuplicates(0.05)
                .edgeCases(c -> c.add("😀🚑"));
    }

    @Provide
    Arbitrary<String> smsTexts() {
        return Arbitraries.oneOf(anyText(200),
                Arbitraries.of("1", "１。", "Y", "yes", "接", "收到", "0", "N", "不", "2", "到達", "ARRIVED", "9", "完成",
                        "DONE", "STOP", "TD", "退訂", "求助", "救命", "SOS", "HELP me", "1 K27", "1k27", "0 Z99"),
                Arbitraries.strings().ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> snsMessages() {
        Arbitrary<String> from = Arbitraries.oneOf(phones(), Arbitraries.of(Fixtures.phone(2), Fixtures.phone(11),
                Fixtures.phone(12), Fixtures.phone(21), Fixtures.phone(1), "+8613900000099"));
        Arbitrary<Object> body = Arbitraries.oneOf(smsTexts().map(s -> (Object) s), jsonValue(1));
        Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().alpha().ofMaxLength(12));
        Arbitrary<String> wellFormed = Combinators.combine(from, body, ids, ids).as((f, b, id, prev) -> {
            Map<String, Object> m = new HashMap<>();
            m.put("originationNumber", f);
            m.put("destinationNumber", "+8610690000000");
            m.put("messageBody", b);
            m.put("inboundMessageId", id);
            m.put("previousPublishedMessageId", prev);
            return write(m);
        });
        Arbitrary<String> anyJson = jsonObject(2).map(BadInputIT::write);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, wellFormed), net.jqwik.api.Tuple.of(2, anyJson),
                net.jqwik.api.Tuple.of(1, anyText(100)), net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<ConsoleRoute> consoleRoutes() {
        Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of("m-1", "v-1", "l-1", "inc-open", "inc-closed"),
                junkTokens());
        return Combinators.combine(Arbitraries.of(
                        new String[] {"POST", "/v1/members"}, new String[] {"PUT", "/v1/members/{id}"},
                        new String[] {"POST", "/v1/volunteers"}, new String[] {"PUT", "/v1/volunteers/{id}"},
                        new String[] {"POST", "/v1/leaders"}, new String[] {"PUT", "/v1/leaders/{id}"},
                        new String[] {"PUT", "/v1/escalation-policy"}, new String[] {"POST", "/v1/incidents"},
                        new String[] {"POST", "/v1/incidents/{id}/notes"},
                        new String[] {"POST", "/v1/incidents/{id}/resolve"},
                        new String[] {"POST", "/v1/incidents/{id}/cancel"},
                        new String[] {"POST", "/v1/incidents/{id}/acknowledge"},
                        new String[] {"POST", "/v1/incidents/{id}/escalate"},
                        new String[] {"POST", "/v1/incidents/{id}/followups"},
                        new String[] {"POST", "/v1/members/{id}/trigger-link"},
                        new String[] {"DELETE", "/v1/members/{id}"}), ids)
                .as((r, id) -> new ConsoleRoute(r[0], r[1], r[1].replace("{id}", id),
                        r[1].contains("{id}") ? Map.of("id", id) : Map.of()));
    }

    @Provide
    Arbitrary<ConsoleRoute> consoleReads() {
        Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of("m-1", "v-1", "l-1", "inc-open"), junkTokens());
        return Combinators.combine(Arbitraries.of("/v1/members", "/v1/members/{id}", "/v1/volunteers",
                        "/v1/volunteers/{id}", "/v1/leaders", "/v1/leaders/{id}", "/v1/incidents", "/v1/incidents/{id}",
                        "/v1/incidents/{id}/followups", "/v1/followups", "/v1/reports/summary", "/v1/reports/coverage",
                        "/v1/escalation-policy"), ids)
                .as((t, id) -> new ConsoleRoute("GET", t, t.replace("{id}", id),
                        t.contains("{id}") ? Map.of("id", id) : Map.of()));
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        Arbitrary<String> values = Arbitraries.oneOf(anyText(30), Arbitraries.of("0", "1", "200", "201", "-1",
                "99999999999", "all", "active", "open", "resolved", "planned", "2026-01-01T00:00:00Z",
                "2026-01-01T08:00:00 08:00", "yesterday", "eyJ4IjoxfQ", "%%%"));
        return Arbitraries.maps(Arbitraries.of("limit", "cursor", "status", "from", "to", "x"), values).ofMaxSize(4);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
