package huzhu.core.testing;

import huzhu.core.Store;
import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.CareRoundStore;
import huzhu.core.care.ContactRequestStore;
import huzhu.core.care.GuideStore;
import huzhu.core.care.FollowUpStore;
import huzhu.core.care.IntroductionStore;
import huzhu.core.care.LeaseStore;
import huzhu.core.care.NoticeStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Registry;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OptOutStore;
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
        Store.Ports p = real.ports();
        Store.Ports hooked = new Store.Ports(port(p.directory(), DirectoryStore.class, hook),
                port(p.triggerTokens(), TriggerTokenStore.class, hook), port(p.incidents(), IncidentStore.class, hook),
                port(p.settings(), SettingsStore.class, hook), port(p.idempotency(), IdempotencyStore.class, hook),
                port(p.audit(), AuditStore.class, hook), port(p.followUps(), FollowUpStore.class, hook),
                port(p.introductions(), IntroductionStore.class, hook), port(p.notices(), NoticeStore.class, hook),
                port(p.applications(), ApplicationStore.class, hook), port(p.leases(), LeaseStore.class, hook),
                port(p.optOuts(), OptOutStore.class, hook), port(p.careRounds(), CareRoundStore.class, hook),
                port(p.contactRequests(), ContactRequestStore.class, hook), port(p.guides(), GuideStore.class, hook));
        return () -> hooked;
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
