package huzhu.checks;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.kernel.Ids;
import huzhu.core.sms.Messenger;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.HttpFunction;
import huzhu.http.Router;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Handlers as the local stack builds them (the constructor that takes the services), over in-memory fakes,
 * asked for the routes their {@link Router} serves. Nothing here names a route: add one to a handler and
 * the checks see it.
 */
final class Handlers {
    private Handlers() {
    }

    /**
     * The route keys the handler class serves, or empty if it is not an HTTP handler (it has no
     * constructor taking {@link Services}, or holds no {@link Router}, alone or in its {@link HttpFunction}).
     */
    static Optional<List<String>> routeKeys(String handlerClass) throws Exception {
        Class<?> type = Class.forName(handlerClass);
        Optional<Constructor<?>> withServices = Arrays.stream(type.getConstructors())
                .filter(c -> c.getParameterCount() == 1 && c.getParameterTypes()[0] == Services.class)
                .findFirst();
        if (withServices.isEmpty()) return Optional.empty();
        Object handler = withServices.get().newInstance(services());
        List<String> keys = new ArrayList<>();
        boolean hasRouter = false;
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            f.setAccessible(true);
            Object value = f.get(handler);
            Router router = value instanceof HttpFunction function ? function.routes()
                    : value instanceof Router r ? r : null;
            if (router == null) continue;
            keys.addAll(router.routeKeys());
            hasRouter = true;
        }
        return hasRouter ? Optional.of(keys) : Optional.empty();
    }

    /** Every service over fakes. */
    static Services services() {
        return Services.create(new InMemoryStore(), new RecordingMessenger(), EscalationTimer.NONE, Clock.systemUTC(),
                new SequentialIds(1), new ServiceConfig("https://huzhu.example", "【互助】"));
    }
}
