package huzhu.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A response as the browser reads it: the body with base64 and gzip undone (the fixtures accept gzip, as browsers do),
 * a header by its name in any case.
 */
final class Bodies {
    private Bodies() {
    }

    static String text(APIGatewayV2HTTPResponse r) {
        if (r.getBody() == null) return "";
        if (!r.getIsBase64Encoded()) return r.getBody();
        byte[] bytes = Base64.getDecoder().decode(r.getBody());
        if (!"gzip".equalsIgnoreCase(header(r.getHeaders(), "Content-Encoding"))) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of a JSON object's fields, in the order they came. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String header(APIGatewayV2HTTPResponse r, String name) {
        return header(r.getHeaders(), name);
    }

    static String header(Map<String, String> headers, String name) {
        if (headers == null) return null;
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
