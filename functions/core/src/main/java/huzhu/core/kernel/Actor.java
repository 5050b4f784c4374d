package huzhu.core.kernel;

/** Who asks a service to act: a signed-in console user, or the system itself. */
public record Actor(String id, String name) {
    /** Changes nobody in particular asked for: the demo union, an opt-out by SMS. */
    public static final Actor SYSTEM = new Actor("system", "system");
}
