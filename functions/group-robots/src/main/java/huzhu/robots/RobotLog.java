package huzhu.robots;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One JSON line per post, in the shape of Lambda's JSON log format ({@code timestamp}, {@code level},
 * {@code message}, then fields). It names the robot, never its key, token, secret or webhook address, and
 * never the message's text. A post that did not reach its group is an ERROR line that is also one value of
 * the CloudWatch metric {@value #FAILED_METRIC} (namespace {@value #NAMESPACE}, dimension {@code robot}, embedded
 * metric format), and is counted by the metric filters of template.yaml (channel {@code group}, level ERROR) behind
 * the robots' own alarm, apart from the SMS alarms.
 */
final class RobotLog {
    static final String NAMESPACE = "huzhu";
    static final String FAILED_METRIC = "GroupPostFailed";

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Lines to stdout, System.out read per line so the local stack and tests can redirect it. */
    static final Consumer<String> STDOUT = line -> System.out.println(line);

    private final Clock clock;
    private final Consumer<String> sink;

    RobotLog(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    void posted(GroupChat robot, GroupKind kind, String incidentId, PostResult result) {
        boolean failed = !result.isPosted();
        sink.accept(line(failed ? "ERROR" : "INFO", "group.post", robot, kind, incidentId, json -> {
            json.writeStringField("outcome", result.outcome().wire());
            json.writeNumberField("attempts", result.attempts());
            if (!result.detail().isEmpty()) json.writeStringField("detail", result.detail());
        }, failed));
    }

    /** The queue was full: this post was never tried. */
    void dropped(GroupChat robot, GroupKind kind, String incidentId) {
        sink.accept(line("ERROR", "group.dropped", robot, kind, incidentId,
                json -> json.writeStringField("outcome", "dropped"), true));
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private String line(String level, String message, GroupChat robot, GroupKind kind, String incidentId,
            Fields fields, boolean failed) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            long now = clock.millis();
            json.writeStartObject();
            json.writeStringField("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(now)));
            json.writeStringField("level", level);
            json.writeStringField("message", message);
            json.writeStringField("action", message);
            // what the stack's GroupPostFailures metric filters select (with level ERROR), whatever the robot
            json.writeStringField("channel", "group");
            json.writeStringField("robot", robot.name());
            json.writeStringField("vendor", robot.vendor());
            json.writeStringField("kind", kind.wire());
            if (incidentId != null) json.writeStringField("incidentId", incidentId);
            fields.write(json);
            if (failed) {
                json.writeObjectFieldStart("_aws");
                json.writeNumberField("Timestamp", now);
                json.writeArrayFieldStart("CloudWatchMetrics");
                json.writeStartObject();
                json.writeStringField("Namespace", NAMESPACE);
                json.writeArrayFieldStart("Dimensions");
                json.writeStartArray();
                json.writeString("robot");
                json.writeEndArray();
                json.writeEndArray();
                json.writeArrayFieldStart("Metrics");
                json.writeStartObject();
                json.writeStringField("Name", FAILED_METRIC);
                json.writeStringField("Unit", "Count");
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeNumberField(FAILED_METRIC, 1);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return out.toString();
    }
}
