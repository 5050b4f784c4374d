package huzhu.core.kernel;

/**
 * Who asks a service to act: a signed-in console user, or the system itself. {@code admin}: the union's admins may
 * take steps alone that otherwise need a second person (paying out money).
 */
public record Actor(String id, String name, boolean admin) {
    /** Changes nobody in particular asked for: the demo union, an opt-out by SMS. */
    public static final Actor SYSTEM = new Actor("system", "system");

    /** Someone who is not an admin. */
    public Actor(String id, String name) {
        this(id, name, false);
    }
}
