package huzhu.core.kernel;

/**
 * A new record's key is already stored; nothing was written. Ids are drawn fresh, so it is a bug, or a retry of
 * an insert that had already happened: the services that retry an insert catch this, and only this (every store's
 * contract suite holds it to this type).
 */
public final class AlreadyExists extends IllegalStateException {
    public AlreadyExists(String what, String id) {
        super(what + " " + id + " already exists");
    }
}
