package huzhu.robots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the vendors' stand-ins share: reading a request as the vendor would, answering in JSON. */
final class StandInReplies {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The time of the stand-ins and of the robots' clocks: DingTalk and Feishu refuse a signature of another hour. */
    static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private StandInReplies() {
    }

    /** A vendor's answer to one request. */
    @FunctionalInterface
    interface Vendor {
        ResponseDefinition answer(Request request);
    }

    /** A WireMock extension that answers as {@code vendor}, for stubs that name it with {@code withTransformers}. */
    static ResponseDefinitionTransformerV2 extension(String name, Vendor vendor) {
        return new ResponseDefinitionTransformerV2() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }

            @Override
            public ResponseDefinition transform(ServeEvent serveEvent) {
                return vendor.answer(serveEvent.getRequest());
            }
        };
    }

    /** A WireMock server on a free port, started and stopped around the test class, that can answer as {@code vendor}. */
    static WireMockExtension server(ResponseDefinitionTransformerV2 vendor) {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(vendor)).build();
    }

    /** Every request to {@code server} answered by the stand-in called {@code name}, unless a stub of a lower
     * priority number answers first. */
    static void answerAs(WireMockExtension server, String name, int priority) {
        server.stubFor(any(anyUrl()).atPriority(priority).willReturn(aResponse().withTransformers(name)));
    }

    /** What each post's JSON body held at {@code outer.inner}, oldest first (WireMock lists the newest first). */
    static List<String> texts(WireMockExtension server, String outer, String inner) {
        List<String> out = new ArrayList<>();
        for (ServeEvent e : server.getAllServeEvents()) out.add(body(e.getRequest()).path(outer).path(inner).asText());
        Collections.reverse(out);
        return out;
    }

    static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).build();
    }

    /** The query as the vendor's server decodes it from the raw URL: an unencoded '+' in a value becomes a space. */
    static Map<String, String> query(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = URI.create(request.getUrl()).getRawQuery();
        if (raw == null) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    static String path(Request request) {
        return URI.create(request.getUrl()).getRawPath();
    }

    static boolean isJsonPost(Request request) {
        String type = request.getHeader("Content-Type");
        return request.getMethod().value().equals("POST") && type != null
                && type.toLowerCase().startsWith("application/json");
    }

    /** The body as JSON, or null if it is not. */
    static JsonNode body(Request request) {
        try {
            return JSON.readTree(new String(request.getBody(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    static boolean hasText(JsonNode node, String field) {
        return node != null && node.path(field).isTextual() && !node.path(field).asText().isBlank();
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
