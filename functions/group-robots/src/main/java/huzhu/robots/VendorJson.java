package huzhu.robots;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Request bodies written and vendor replies read with Jackson's streaming API: no databind, no reflection. */
final class VendorJson {
    static final JsonFactory FACTORY = new JsonFactory();

    private VendorJson() {
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** The UTF-8 bytes of the one JSON object {@code body} writes the fields of. */
    static byte[] object(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return out.toByteArray();
    }

    /**
     * A vendor's answer: WeCom and DingTalk say {@code errcode}/{@code errmsg}, Feishu/Lark {@code code}/{@code msg}
     * (and, for old clients, {@code StatusCode}/{@code StatusMessage}). Empty when the body is not such an object.
     */
    record Reply(Integer code, String message) {
    }

    static Optional<Reply> reply(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        Integer code = null;
        Integer statusCode = null;
        String message = null;
        String statusMessage = null;
        try (JsonParser json = FACTORY.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "errcode", "code" -> code = intOrNull(json, value);
                    case "StatusCode" -> statusCode = intOrNull(json, value);
                    case "errmsg", "msg" -> message = textOrNull(json, value);
                    case "StatusMessage" -> statusMessage = textOrNull(json, value);
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (code == null && statusCode == null) return Optional.empty();
        return Optional.of(code != null
                ? new Reply(code, message == null ? "" : message)
                : new Reply(statusCode, statusMessage == null ? "" : statusMessage));
    }

    private static Integer intOrNull(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) return json.getIntValue();
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Integer.valueOf(json.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        json.skipChildren();
        return null;
    }

    private static String textOrNull(JsonParser json, JsonToken value) throws IOException {
        if (value.isScalarValue()) return json.getText();
        json.skipChildren();
        return null;
    }
}
