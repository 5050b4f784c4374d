package huzhu.core.error;

/** A store or messaging dependency failed; the operation changed nothing and is safe to retry. */
public class DependencyFailure extends RuntimeException {
    public DependencyFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
