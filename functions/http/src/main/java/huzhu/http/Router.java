package huzhu.http;

import huzhu.core.error.NotFound;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Method + path template → route, matched against the request's path, so one function serves the same
 * whether API Gateway invokes it through specific route keys or {@code $default}. Templates use
 * {@code {name}} for one segment and {@code {name+}} (last only) for the rest of the path. Where two
 * templates match, the one with more literal segments wins. Unknown path: 404; known path, other
 * method: 405 with {@code Allow}.
 */
public final class Router implements Route {
    private final List<Entry> entries;

    private Router(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every route as an API Gateway route key, {@code "METHOD /template"}, in the order registered: what
     * template.yaml must declare for the function that serves this router (infra/checks compares them).
     */
    public List<String> routeKeys() {
        return entries.stream().map(e -> e.method + " " + e.template).toList();
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws Exception {
        String[] segments = split(request.path());
        Entry best = null;
        Map<String, String> bestParams = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Map<String, String> params = entry.match(segments);
            if (params == null) continue;
            allowed.add(entry.method);
            if (!entry.method.equals(request.method())) continue;
            if (best == null || entry.literals > best.literals) {
                best = entry;
                bestParams = params;
            }
        }
        if (best != null) return best.route.handle(request.withPathParameters(bestParams));
        if (!allowed.isEmpty()) throw RequestRejected.methodNotAllowed(allowed);
        throw new NotFound("route");
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        public Builder get(String template, Route route) {
            return route("GET", template, route);
        }

        public Builder post(String template, Route route) {
            return route("POST", template, route);
        }

        public Builder put(String template, Route route) {
            return route("PUT", template, route);
        }

        public Builder delete(String template, Route route) {
            return route("DELETE", template, route);
        }

        public Builder route(String method, String template, Route route) {
            entries.add(new Entry(method.toUpperCase(Locale.ROOT), template, route));
            return this;
        }

        public Router build() {
            return new Router(entries);
        }
    }

    private static final class Entry {
        final String method;
        final String template;
        final String[] segments;
        final boolean greedyTail;
        final int literals;
        final Route route;

        Entry(String method, String template, Route route) {
            if (!template.startsWith("/")) throw new IllegalArgumentException("template must start with /: " + template);
            this.method = method;
            this.template = template;
            this.segments = split(template);
            this.route = route;
            int lits = 0;
            boolean greedy = false;
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (!isParam(s)) {
                    lits++;
                } else if (s.endsWith("+}")) {
                    if (i != segments.length - 1) throw new IllegalArgumentException("{name+} must be last: " + template);
                    greedy = true;
                }
            }
            this.greedyTail = greedy;
            this.literals = lits;
        }

        /** The template's parameters if {@code path} matches, else null. */
        Map<String, String> match(String[] path) {
            if (greedyTail ? path.length < segments.length : path.length != segments.length) return null;
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (!isParam(s)) {
                    if (!s.equals(path[i])) return null;
                } else if (greedyTail && i == segments.length - 1) {
                    String rest = decode(String.join("/", Arrays.copyOfRange(path, i, path.length)));
                    if (rest == null || hasDotSegment(rest)) return null;
                    params.put(s.substring(1, s.length() - 2), rest);
                } else {
                    if (path[i].isEmpty()) return null;
                    String value = decode(path[i]);
                    if (value == null) return null;
                    params.put(s.substring(1, s.length() - 1), value);
                }
            }
            return params;
        }
    }

    private static boolean isParam(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** A greedy tail often names a file; "." and ".." never reach a route. */
    private static boolean hasDotSegment(String rest) {
        for (String part : rest.split("[/\\\\]", -1)) {
            if (part.equals(".") || part.equals("..")) return true;
        }
        return false;
    }

    /** "/v1/members/" and "/v1/members" are the same path; "/" has no segments. */
    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** Percent-decoding for a path segment ('+' is a plus in paths, not a space); null if malformed. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
