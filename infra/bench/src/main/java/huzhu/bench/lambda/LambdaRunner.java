package huzhu.bench.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda Java runtime does with a function, in a fresh JVM whose class path is the function's shaded
 * jar (plus this class and the runtime's event serializers): load the handler class by name, construct it
 * with its no-argument constructor (Lambda's init), optionally run the SnapStart priming hooks, then hand it
 * the fixture event — deserialized and the answer serialized by the runtime's own serializers, or, for a
 * {@code RequestStreamHandler}, as bytes both ways — N times.
 * It prints {@code @@coldstart <mark> <epoch ms>} lines on stderr; {@code huzhu.bench.ColdStart} reads them
 * against the moment it started the process.
 * <p>
 * {@code java -cp <jar>:<bench classes>:<serialization jar> huzhu.bench.lambda.LambdaRunner <handler class>
 * <event.json> <invocations> <prime: true|false>}; with {@code prime}, {@code -Dorg.crac.Core.Compat=huzhu.bench.crac}.
 * This class uses nothing of huzhu's: the handler is reached by reflection, as the runtime reaches it.
 */
public final class LambdaRunner {
    private LambdaRunner() {
    }

    public static void main(String[] args) throws Throwable {
        mark("main");
        String handlerName = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int invocations = Integer.parseInt(args[2]);
        boolean prime = Boolean.parseBoolean(args[3]);
        ClassLoader loader = LambdaRunner.class.getClassLoader();

        // the runtime's own part of init: the handler's input and output serializers (its shaded Jackson)
        Class<?> handlerClass = Class.forName(handlerName, false, loader);
        // as the runtime: a stream handler is handed the event's bytes, and no serializers are built for it
        boolean streams = RequestStreamHandler.class.isAssignableFrom(handlerClass);
        Method handle = null;
        for (Method m : handlerClass.getMethods()) {
            if (m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2) handle = m;
        }
        if (handle == null && !streams) throw new IllegalStateException(handlerName + " has no handleRequest(event, context)");
        PojoSerializer<Object> in = streams ? null : serializerFor(handle.getParameterTypes()[0], loader);
        PojoSerializer<Object> out = streams || handle.getReturnType() == Void.class || handle.getReturnType() == void.class
                ? null : serializerFor(handle.getReturnType(), loader);
        mark("runtime");

        // the function's init: its static initializers and no-argument constructor (SDK clients, services)
        Object handler = handlerClass.getConstructor().newInstance();
        mark("init");

        if (prime) {
            // what a SnapStart snapshot would run: every hook the function registered with org.crac
            Class.forName("org.crac.Core", true, loader).getMethod("checkpointRestore").invoke(null);
            mark("primed");
        }

        for (int i = 1; i <= invocations; i++) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (streams) {
                ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(event), answer, null);
            } else {
                Object input = in.fromJson(new ByteArrayInputStream(event));
                Object output;
                try {
                    output = handle.invoke(handler, input, null);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (output != null && out != null) out.toJson(output, answer);
            }
            mark("invoke" + i);
            if (i == 1) {
                String text = answer.toString(StandardCharsets.UTF_8);
                System.err.println("@@answer " + (text.length() > 160 ? text.substring(0, 160) + "…" : text)
                        .replace('\n', ' '));
            }
        }
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private static void mark(String name) {
        System.err.println("@@coldstart " + name + " " + System.currentTimeMillis());
    }
}
