package huzhu.bench.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context of the stand-in CRaC API: {@link #checkpointRestore()} runs every registered
 * {@code beforeCheckpoint} (last registered first, as CRaC does), then every {@code afterRestore} (in order).
 * Nothing is saved or restored: the cold-start benchmark uses it to run a function's priming hooks in the same
 * JVM before its first event, which approximates a SnapStart restore (loaded classes and compiled code are
 * there; the restore itself and its page faults are not).
 */
public final class Core {
    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> resources;
        synchronized (GLOBAL) {
            resources = new ArrayList<>(GLOBAL.resources);
        }
        CheckpointException before = new CheckpointException();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(GLOBAL);
            } catch (Exception e) {
                before.addSuppressed(e);
            }
        }
        if (before.getSuppressed().length > 0) throw before;
        RestoreException after = new RestoreException();
        for (Resource r : resources) {
            try {
                r.afterRestore(GLOBAL);
            } catch (Exception e) {
                after.addSuppressed(e);
            }
        }
        if (after.getSuppressed().length > 0) throw after;
    }

    private static final class Global extends Context<Resource> {
        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("call Core.checkpointRestore()");
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("call Core.checkpointRestore()");
        }
    }
}
