package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import huzhu.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our events, written the way the Lambda Java runtime writes them, must have exactly the fields of the
 * AWS-shaped fixtures under {@code events/}, and the runtime must read each fixture into the very
 * object we built.
 */
class AwsEventShapeTest {
    @TempDir
    Path dataDir;

    @Test
    void triggerEvent_hasTheFieldsOfAnHttpApiPayload2Event_andEqualsTheFixture() {
        // given
        APIGatewayV2HTTPEvent ours;
        try (TestStack stack = new TestStack(dataDir)) {
            stack.postJson("/v1/triggers/tok-123?lang=zh", "{\"type\":\"medical\"}");
            ours = portIndependent(stack.trigger.only());
        }

        // when / then
        assertIsTheHttpFixture(ours, "events/apigw-http-trigger.json");
    }

    @Test
    void consoleEvent_carriesTheJwtAuthorizerContext_andEqualsTheFixture() {
        // given
        APIGatewayV2HTTPEvent ours;
        try (TestStack stack = new TestStack(dataDir)) {
            stack.send(stack.request("/v1/incidents/inc-1")
                    .header("Authorization", "Bearer " + TestStack.ADMIN_TOKEN)
                    .header("Cookie", "theme=dark")
                    .GET().build());
            ours = portIndependent(stack.console.only());
        }

        // when / then
        assertIsTheHttpFixture(ours, "events/apigw-http-console-jwt.json");
    }

    /** Written as the runtime writes it, our event has the fixture's fields; the runtime reads the fixture into ours. */
    private static void assertIsTheHttpFixture(APIGatewayV2HTTPEvent ours, String fixture) {
        assertThat(shape(write(ours, APIGatewayV2HTTPEvent.class))).isEqualTo(shape(resource(fixture)));
        assertThat(ours).usingRecursiveComparison().isEqualTo(EventLoader.loadApiGatewayHttpEvent(fixture));
    }

    @Test
    void twoWaySmsEvent_hasTheFieldsOfAnSnsNotification_andEqualsTheFixture() throws IOException {
        // given
        SnsEvents events = new SnsEvents(LocalAws.of("cn-north-1"), new CountingIds());
        InboundSms sms = new InboundSms("+8613800138000", "+8610690000000", "KEYWORD_000000000000", "1 A7K", "in-1",
                "msg-9");

        // when
        SNSEvent ours = events.twoWaySms(sms, TestStack.NOW);
        SNSEvent fixture = EventLoader.loadSNSEvent("events/sns-two-way-sms.json");

        // then
        assertThat(shape(write(ours, SNSEvent.class))).isEqualTo(shape(resource("events/sns-two-way-sms.json")));
        assertThat(ours).usingRecursiveComparison()
                .withEqualsForType(DateTime::isEqual, DateTime.class)
                .isEqualTo(fixture);
        JsonNode message = Json.mapper().readTree(ours.getRecords().get(0).getSNS().getMessage());
        assertThat(message.get("originationNumber").asText()).isEqualTo("+8613800138000");
    }

    @Test
    void scheduledEvent_hasTheFieldsOfAnEventBridgeScheduledEvent_andEqualsTheFixture() {
        // given
        ScheduledEvents events = new ScheduledEvents(LocalAws.of("cn-north-1"), new CountingIds());

        // when
        ScheduledEvent ours = events.at(TestStack.NOW);
        ScheduledEvent fixture = EventLoader.loadScheduledEvent("events/eventbridge-scheduled.json");

        // then
        assertThat(shape(write(ours, ScheduledEvent.class)))
                .isEqualTo(shape(resource("events/eventbridge-scheduled.json")));
        assertThat(ours).usingRecursiveComparison()
                .withEqualsForType(DateTime::isEqual, DateTime.class)
                .isEqualTo(fixture);
        assertThat(ours.getTime().getMillis()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z").toEpochMilli());
    }

    @Test
    void eventsInTheGlobalPartition_useAwsArnsAndDomains() {
        // given
        LocalAws aws = LocalAws.of("eu-central-1");

        // when
        SNSEvent sns = new SnsEvents(aws, new CountingIds()).twoWaySms(
                new InboundSms("+491701234567", "+4930123456", "KEYWORD_000000000000", "1", "in-1", null),
                TestStack.NOW);
        ScheduledEvent scheduled = new ScheduledEvents(aws, new CountingIds()).at(TestStack.NOW);

        // then
        assertThat(sns.getRecords().get(0).getSNS().getTopicArn())
                .isEqualTo("arn:aws:sns:eu-central-1:000000000000:huzhu-local-inbound-sms");
        assertThat(sns.getRecords().get(0).getSNS().getSigningCertUrl()).startsWith("https://sns.eu-central-1.amazonaws.com/");
        assertThat(scheduled.getResources()).containsExactly(
                "arn:aws:events:eu-central-1:000000000000:rule/huzhu-local-escalation-sweep");
    }

    /** The port is chosen by the OS; the fixture says 3000. */
    private static APIGatewayV2HTTPEvent portIndependent(APIGatewayV2HTTPEvent event) {
        event.getHeaders().put("host", "127.0.0.1:3000");
        event.getHeaders().put("x-forwarded-port", "3000");
        event.getRequestContext().setDomainName("127.0.0.1:3000");
        return event;
    }

    /** Serialized by the Lambda runtime's own serializer, as the function would receive it. */
    private static <T> JsonNode write(T event, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(type, AwsEventShapeTest.class.getClassLoader()).toJson(event, out);
        try {
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = AwsEventShapeTest.class.getClassLoader().getResourceAsStream(name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-null field's path and JSON type: field names, nesting and types, not values. */
    private static Map<String, JsonNodeType> shape(JsonNode root) {
        Map<String, JsonNodeType> out = new TreeMap<>();
        shape(root, "", out);
        return out;
    }

    private static void shape(JsonNode node, String path, Map<String, JsonNodeType> out) {
        if (node.isNull()) return;
        out.put(path.isEmpty() ? "/" : path, node.getNodeType());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) shape(f.getValue(), path + "/" + f.getKey(), out);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) shape(node.get(i), path + "/" + i, out);
        }
    }
}
