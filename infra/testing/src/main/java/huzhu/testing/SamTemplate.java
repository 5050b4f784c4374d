package huzhu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * template.yaml at the repository root, read the way CloudFormation reads it (short-form tags such as
 * {@code !Ref X} become {@code {Ref: X}}), with what the checks ask of it: the functions, their handlers,
 * jars, environment and HTTP routes. The checks of infra/checks and the local stack's own tests read it.
 */
public final class SamTemplate {
    /** One AWS::Serverless::Function. */
    public record Function(String logicalId, String handlerClass, Path jar, Map<String, Object> environment) {
    }

    /** One HttpApi event: its route key ("GET /v1/acks/{ackToken}"), function, and whether it is public. */
    public record Route(String routeKey, String function, boolean isPublic) {
    }

    private final Path root;
    private final Map<String, Object> document;

    private SamTemplate(Path root, Map<String, Object> document) {
        this.root = root;
        this.document = document;
    }

    /** The template.yaml of the repository this build runs in (the nearest parent directory holding one). */
    public static SamTemplate ofThisRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        try {
            return new SamTemplate(dir, CloudFormationYaml.load(dir.resolve("template.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another CloudFormation template of this repository, read the same way ({@code infra/edge/web-acl.yaml}). */
    public SamTemplate other(String relativePath) {
        try {
            return new SamTemplate(root, CloudFormationYaml.load(root.resolve(relativePath)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Object> resources() {
        return map(document.get("Resources"));
    }

    public Map<String, Object> properties(String logicalId) {
        Object props = map(resources().get(logicalId)).get("Properties");
        return props == null ? Map.of() : map(props);
    }

    /** The environment variables every function gets (Globals.Function.Environment.Variables). */
    public Map<String, Object> globalEnvironment() {
        return variables(map(map(document.get("Globals")).get("Function")));
    }

    /** Every function, by logical id, in template order. */
    public Map<String, Function> functions() {
        Map<String, Object> globalEnv = globalEnvironment();
        Map<String, Function> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (!"AWS::Serverless::Function".equals(map(r).get("Type"))) return;
            Map<String, Object> props = properties(id);
            String handler = (String) props.get("Handler");
            Map<String, Object> env = new TreeMap<>(globalEnv);
            env.putAll(variables(props));
            // "package.Class" (the runtime calls handleRequest of its RequestHandler) or "package.Class::method"
            String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            out.put(id, new Function(id, handlerClass,
                    root.resolve((String) props.get("CodeUri")), env));
        });
        return out;
    }

    /** Every HttpApi route of every function, by route key. */
    public Map<String, Route> routes() {
        Map<String, Route> out = new TreeMap<>();
        for (String function : functions().keySet()) {
            Object events = properties(function).get("Events");
            if (events == null) continue;
            for (Object e : map(events).values()) {
                if (!"HttpApi".equals(map(e).get("Type"))) continue;
                Map<String, Object> p = map(map(e).get("Properties"));
                String key = String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT) + " " + p.get("Path");
                Object auth = p.get("Auth") == null ? null : map(p.get("Auth")).get("Authorizer");
                if (out.put(key, new Route(key, function, "NONE".equals(auth))) != null) {
                    throw new IllegalStateException("route declared twice: " + key);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        Object env = functionProperties.get("Environment");
        if (env == null) return Map.of();
        Object vars = map(env).get("Variables");
        return vars == null ? Map.of() : map(vars);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) throw new IllegalStateException("not a mapping: " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        if (!(o instanceof List)) throw new IllegalStateException("not a list: " + o);
        return (List<Object>) o;
    }
}
