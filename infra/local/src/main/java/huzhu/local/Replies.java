package huzhu.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import huzhu.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the server's own answers: JSON bodies and the contract's error body. */
final class Replies {
    static final String JSON = "application/json; charset=utf-8";

    private Replies() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        send(exchange, status, bytes(body));
    }

    /** {@code {"error": {"code", "message", "fields"}}}; {@code fields} maps a field to its (bilingual) text. */
    static void error(HttpExchange exchange, int status, String code, String message, Map<String, String> fields)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("fields", fields);
        json(exchange, status, Map.of("error", error));
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
