package huzhu.core.testing;

import huzhu.core.Store;
import huzhu.core.directory.Registry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A store whose ports pass every call through a hook first: a failing dependency, a competing write, a count.
 * The store's accessors and the directory's registry accessors are not hooked; the calls on the ports are.
 */
public final class Intercepted {
    /** What runs around one port call; {@code real} makes the call itself. */
    @FunctionalInterface
    public interface Hook {
        Object call(Method method, Object[] args, Call real) throws Throwable;
    }

    @FunctionalInterface
    public interface Call {
        Object run() throws Throwable;
    }

    private Intercepted() {
    }

    public static Store store(Store real, Hook hook) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    Object port = invoke(real, method, args);
                    if (method.getDeclaringClass() == Object.class) return port;
                    return port(port, method.getReturnType(), hook);
                });
    }

    /** One port whose calls pass through {@code hook}; {@code type} is the port's interface. */
    public static <T> T port(T real, Class<?> type, Hook hook) {
        return cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return invoke(real, method, args);
            if (Registry.class.isAssignableFrom(method.getReturnType())) {
                return port(invoke(real, method, args), Registry.class, hook);
            }
            return hook.call(method, args, () -> invoke(real, method, args));
        }));
    }

    /** {@code args[0]}, when the call has one. */
    public static Object first(Object[] args) {
        return args == null || args.length == 0 ? null : args[0];
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
