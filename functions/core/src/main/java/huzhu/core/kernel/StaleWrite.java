package huzhu.core.kernel;

/**
 * Somebody changed the record (a notice, a delivery, an introduction, an application) between our read and our
 * write; nothing was written. Read it again and decide again.
 */
public final class StaleWrite extends RuntimeException {
    public StaleWrite(String what, String id) {
        super(what + " " + id + " changed concurrently", null, false, false);
    }
}
