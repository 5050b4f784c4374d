package huzhu.checks;

import huzhu.core.port.EscalationTimer;
import huzhu.core.port.Ids;
import huzhu.core.port.Messenger;
import huzhu.core.port.Store;
import huzhu.core.service.ServiceConfig;
import huzhu.core.service.Services;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
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
     * constructor taking {@link Services}, or holds no {@link Router}).
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
            if (Modifier.isStatic(f.getModifiers()) || !Router.class.isAssignableFrom(f.getType())) continue;
            f.setAccessible(true);
            keys.addAll(((Router) f.get(handler)).routeKeys());
            hasRouter = true;
        }
        return hasRouter ? Optional.of(keys) : Optional.empty();
    }

    /** Every service over fakes, through whatever {@code Services.create} takes today. */
    static Services services() throws Exception {
        Method create = Arrays.stream(Services.class.getMethods())
                .filter(m -> m.getName().equals("create") && Modifier.isStatic(m.getModifiers()))
                .findFirst().orElseThrow(() -> new AssertionError("Services.create is gone: update Handlers"));
        Class<?>[] types = create.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) args[i] = fake(types[i]);
        return (Services) create.invoke(null, args);
    }

    private static Object fake(Class<?> type) {
        if (type == Store.class) return new InMemoryStore();
        if (type == Messenger.class) return new RecordingMessenger();
        if (type == EscalationTimer.class) return EscalationTimer.NONE;
        if (type == Clock.class) return Clock.systemUTC();
        if (type == Ids.class) return new SequentialIds(1);
        if (type == ServiceConfig.class) return new ServiceConfig("https://huzhu.example", "【互助】");
        throw new AssertionError("Services.create takes a " + type.getName() + " now: add a fake for it in "
                + Handlers.class.getName());
    }
}
