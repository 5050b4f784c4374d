package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.SamTemplate;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar each function's CodeUri names, as Lambda will load it: the handler is there and loads
 * from that jar alone, the jar is small and carries one HTTP client, and every environment variable its
 * code reads is set for that function in template.yaml (and nothing set goes unread). Runs after the
 * function modules are packaged (failsafe); `mvn -B package` builds the jars.
 */
class LambdaJarsIT {
    private static final long MAX_JAR_BYTES = 15L * 1024 * 1024;

    /** Apache HTTP clients (3, 4, 5, and the SDK's wrappers of them) and Netty: we ship URLConnection only. */
    private static final List<String> FORBIDDEN_PACKAGES = List.of("org/apache/http/", "org/apache/hc/",
            "io/netty/", "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/netty/");

    private static final Pattern HUZHU_VARIABLE = Pattern.compile("HUZHU_[A-Z0-9_]+");

    private static SamTemplate template;

    @BeforeAll
    static void read() {
        template = SamTemplate.ofThisRepository();
    }

    @Test
    void eachFunctionsHandler_isInTheJarItsCodeUriNames_andLoadsFromThatJarAlone() throws Exception {
        for (SamTemplate.Function f : template.functions().values()) {
            // given
            assertThat(f.jar()).as("jar of %s (run mvn -B package first)", f.logicalId()).isRegularFile();

            // when: a class loader that sees the jar and the JDK, nothing of this build
            try (URLClassLoader lambda = new URLClassLoader(new URL[] {f.jar().toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = Class.forName(f.handlerClass(), false, lambda);
                Class<?> requestHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler",
                        false, lambda);
                Class<?> streamHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler",
                        false, lambda);

                // then: what the Lambda runtime needs to construct and call it (it tries a stream handler first)
                boolean streams = streamHandler.isAssignableFrom(handler);
                assertThat(streams || requestHandler.isAssignableFrom(handler))
                        .as("%s is a RequestStreamHandler or a RequestHandler", handler).isTrue();
                assertThat(Modifier.isPublic(handler.getConstructor().getModifiers())).isTrue();
                int parameters = streams ? 3 : 2;
                Method[] handle = Arrays.stream(handler.getMethods())
                        .filter(m -> m.getName().equals("handleRequest") && !m.isBridge()
                                && m.getParameterCount() == parameters).toArray(Method[]::new);
                assertThat(handle).as("handleRequest of %s", handler).hasSize(1);
                for (Class<?> p : handle[0].getParameterTypes()) {
                    assertThat(p.getClassLoader()).as("loader of %s", p)
                            .isIn(lambda, null, ClassLoader.getPlatformClassLoader());
                }
            }
        }
    }

    @Test
    void everyJar_isUnder15MB_andCarriesNoApacheOrNettyHttpClient() throws IOException {
        for (SamTemplate.Function f : template.functions().values()) {
            // given
            assertThat(f.jar()).as("jar of %s (run mvn -B package first)", f.logicalId()).isRegularFile();

            // when
            Set<String> forbidden = new TreeSet<>();
            try (JarFile jar = new JarFile(f.jar().toFile())) {
                jar.stream().map(JarEntry::getName).forEach(name -> FORBIDDEN_PACKAGES.stream()
                        .filter(name::startsWith).forEach(forbidden::add));
            }

            // then
            assertThat(Files.size(f.jar())).as("size of %s", f.jar()).isLessThan(MAX_JAR_BYTES);
            assertThat(forbidden).as("HTTP clients in %s", f.jar()).isEmpty();
        }
    }

    @Test
    void everyHuzhuVariable_aFunctionsJarReads_isSetForThatFunction_andEveryOneSetIsRead() throws IOException {
        for (SamTemplate.Function f : template.functions().values()) {
            // given
            Set<String> read = huzhuVariablesIn(f);
            Set<String> set = new TreeSet<>(f.environment().keySet());

            // then: endpoint overrides (HUZHU_…_ENDPOINT) point adapters at dynalite, LocalStack or a stand-in,
            // never set in AWS; everything else the code reads must be set
            Set<String> needed = new TreeSet<>(read);
            needed.removeIf(v -> v.endsWith("_ENDPOINT"));
            assertThat(set).as("environment of %s", f.logicalId()).containsAll(needed);
            assertThat(set).as("environment of %s", f.logicalId()).noneMatch(v -> v.endsWith("_ENDPOINT"));
            // and: no variable is set that nothing reads (a parameter that changes nothing misleads)
            Set<String> unread = new TreeSet<>(set);
            unread.removeAll(read);
            assertThat(unread).as("set for %s but read by nothing in its jar", f.logicalId()).isEmpty();
        }
    }

    /** Every HUZHU_… string constant in the classes of huzhu's own packages inside the function's jar. */
    private static Set<String> huzhuVariablesIn(SamTemplate.Function f) throws IOException {
        Set<String> out = new TreeSet<>();
        Map<String, Integer> perClass = new TreeMap<>();
        try (JarFile jar = new JarFile(f.jar().toFile())) {
            for (JarEntry e : jar.stream().toList()) {
                if (!e.getName().startsWith("huzhu/") || !e.getName().endsWith(".class")) continue;
                for (String s : ClassConstants.utf8(jar.getInputStream(e).readAllBytes())) {
                    if (HUZHU_VARIABLE.matcher(s).matches()) {
                        out.add(s);
                        perClass.merge(e.getName(), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(perClass).as("classes of %s reading HUZHU_ variables", f.jar()).isNotEmpty();
        return out;
    }
}
